using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>Response writing in the Hub's formats: compact UTF-8 JSON, {"error"} bodies mirrored in headers.</summary>
internal static class Http
{
    public const string JsonType = "application/json; charset=utf-8";

    // The Hub writes non-ASCII (Space emojis) as raw UTF-8, not \u escapes.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    public static Task Json(HttpContext ctx, JsonNode? body, int status = StatusCodes.Status200OK) =>
        Write(ctx, Serialize(body), status, JsonType);

    /// <summary>docs/hub-api.md §3.1 and docs/hub-api.md §6.11: {"error": msg}, X-Error-Message, and X-Error-Code when the Hub sends one.</summary>
    public static Task Error(HttpContext ctx, int status, string message, string? code = null)
    {
        // Header values must be ASCII; the Hub's messages are.
        ctx.Response.Headers["X-Error-Message"] = message;
        if (code is not null) ctx.Response.Headers["X-Error-Code"] = code;
        return Json(ctx, new JsonObject { ["error"] = message }, status);
    }

    public static Task Write(HttpContext ctx, string body, int status, string contentType) =>
        Write(ctx, Encoding.UTF8.GetBytes(body), status, contentType);

    public static Task Write(HttpContext ctx, byte[] bytes, int status, string contentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(ctx.Request.Method)
            ? Task.CompletedTask
            : ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }

    /// <summary>The format the Hub's load balancer uses: Root=1-{8 hex seconds}-{24 hex}.</summary>
    public static string NewRequestId() =>
        $"Root=1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid().ToString("N")[..24]}";

    public static async Task StartSse(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await ctx.Response.StartAsync(ctx.RequestAborted);
    }

    public static async Task Sse(HttpContext ctx, string data)
    {
        await ctx.Response.WriteAsync("data: " + data + "\n\n", ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }

    public static async Task<string> ReadText(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync(ctx.RequestAborted);
    }

    /// <summary>The request body as a JSON object; null when it is not JSON or not an object.</summary>
    public static async Task<JsonObject?> ReadObject(HttpContext ctx)
    {
        try
        {
            return JsonNode.Parse(await ReadText(ctx)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Query booleans arrive as true/false/1/0 in any case (docs/hub-api.md §0.5).</summary>
    public static bool Flag(HttpContext ctx, string name) =>
        ctx.Request.Query[name].ToString().ToLowerInvariant() is "true" or "1";

    /// <summary>ISO-8601 UTC with milliseconds, as every Hub date.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
