using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The faults that spoil only a job's result: the job runs on the real queue (estimation,
/// progress, generating as usual) and its process_completed message is replaced when sent on
/// queue/data or a /call stream.
/// </summary>
internal static class FaultResults
{
    public const long DefaultHugeSize = 50L * 1024 * 1024;
    private const string Placeholder = "@@HUGE-RESULT@@";
    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));

    /// <summary>
    /// What writes a result message instead of <paramref name="format"/> under the request's
    /// result fault, or null when there is none. <paramref name="call"/>: the stream is a /call one.
    /// </summary>
    public static Func<JsonObject, Task>? For(HttpContext ctx, ServerContext server, Func<JsonObject, string?> format, bool call)
    {
        var scope = FaultScope.Of(ctx);
        if (scope.Has(FakeFaults.HugeSseMessage))
            return message => WriteHugeAsync(ctx, message, format, scope.Size(server.Options, DefaultHugeSize));
        if (scope.Has(FakeFaults.EchoSecretsAppError))
        {
            return message =>
            {
                var text = "Something went wrong with " + FaultRoutes.EchoedHeaders(ctx);
                var eventId = (string?)message["event_id"] ?? "";
                // 5.x /call drops gr.Error's text; this app sends it, as 6.13+ do.
                return Http.Sse(ctx, call
                    ? CallRoutes.Event("error", text)
                    : format(server.Messages.Completed(eventId, server.Messages.ErrorPayload(new GradioError(text), showError: true), success: false))!);
            };
        }
        return null;
    }

    /// <summary>
    /// The result with its first output replaced by a string of <paramref name="size"/> 'x's, formatted
    /// as the stream formats it and written piece by piece, so the server never holds it in memory.
    /// </summary>
    private static async Task WriteHugeAsync(HttpContext ctx, JsonObject message, Func<JsonObject, string?> format, long size)
    {
        var huge = (JsonObject)message.DeepClone();
        huge["success"] = true;
        var data = huge["output"]?["data"] as JsonArray;
        if (data is null || data.Count == 0) huge["output"] = new JsonObject { ["data"] = data = new JsonArray((JsonNode?)null) };
        data[0] = Placeholder;
        var text = format(huge)!;
        var cut = text.IndexOf(Placeholder, StringComparison.Ordinal);
        var body = ctx.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes(text[..cut]), ctx.RequestAborted);
        for (var left = size; left > 0; left -= Filler.Length)
            await body.WriteAsync(Filler.AsMemory(0, (int)Math.Min(Filler.Length, left)), ctx.RequestAborted);
        await Http.Sse(ctx, text[(cut + Placeholder.Length)..]);
    }
}
