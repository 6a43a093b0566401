using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The simple REST+SSE API (4.20+, docs/gradio-protocol.md §3.1): POST {prefix}/call/{api} → event_id, then GET
/// {prefix}/call/{api}/{key} with event:/data: pairs in json.dumps spacing. Keeps the pre-6.18
/// quirk: with a caller-chosen session_hash the messages are filed under it, not under the event id.
/// </summary>
internal static class CallRoutes
{
    private static readonly Field[] SimplePredictBody =
        [new("data", FieldType.List, Required: true), new("session_hash", FieldType.String)];

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        if (!server.Profile.HasCall) return;
        app.MapPost(server.Prefix + "/call/{api_name}", ctx => PostAsync(ctx, server));
        app.MapGet(server.Prefix + "/call/{api_name}/{event_id}", ctx => GetAsync(ctx, server));
    }

    private static async Task PostAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (await RequestBody.ReadAsync(ctx, SimplePredictBody) is not { } body) return;
        var apiName = (string)ctx.Request.RouteValues["api_name"]!;
        if (server.FindByName(apiName) is not { } fn)
        {
            await Http.ServerError(ctx, server.Profile,
                $"gradio.route_utils.FnIndexInferError: Could not infer function index for API name: {apiName}");
            return;
        }
        if (await QueueRoutes.RefuseWhenFullAsync(ctx, server)) return;
        var eventId = ServerContext.NewEventId();
        // Without a session_hash the event id is the session, so every call is a fresh session.
        var session = (string?)body["session_hash"] ?? eventId;
        server.Queue.Enqueue(new Job
        {
            EventId = eventId, SessionHash = session, Fn = fn, Data = (JsonArray)body["data"]!.DeepClone(),
            Mailbox = server.Sessions.Join(session, eventId), Root = ServerContext.Root(ctx), SimpleFormat = true,
        });
        await Http.Json(ctx, new JsonObject { ["event_id"] = eventId });
    }

    private static async Task GetAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        var key = (string)ctx.Request.RouteValues["event_id"]!;
        if (server.Sessions.Find(key) is not { } box)
        {
            await Http.StartSse(ctx);
            await Http.Sse(ctx, Event("error", "404: Session not found."));
            return;
        }
        await MailboxStream.ServeSseAsync(ctx, server, box, Translate, closing: null, FaultResults.For(ctx, server, Translate, call: true));
    }

    /// <summary>Queue messages as /call events; estimation, progress and log are not forwarded.</summary>
    private static string? Translate(JsonObject message)
    {
        var output = message["output"] as JsonObject;
        return (string?)message["msg"] switch
        {
            "heartbeat" => Event("heartbeat", null),
            "process_generating" => Event("generating", output?["data"]),
            // Success without data is a cancelled event.
            "process_completed" when message["success"]!.GetValue<bool>() => Event("complete", output?["data"]),
            // Before 6.13 the error payload is not forwarded: the client sees only null.
            "process_completed" => Event("error", null),
            "unexpected_error" => Event("error", message["message"]),
            _ => null,
        };
    }

    public static string Event(string name, JsonNode? data) => $"event: {name}\ndata: {PyJson.Dumps(data)}\n\n";
}
