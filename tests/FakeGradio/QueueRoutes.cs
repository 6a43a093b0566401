using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The SSE queue protocols: sse_v1…v3 (POST queue/join + multiplexed GET queue/data, docs/gradio-protocol.md §3.2) or the
/// 4.0–4.8 "sse" handshake (GET queue/join, send_data, POST queue/data, docs/gradio-protocol.md §3.6); plus the
/// queue-side helpers /cancel, /reset, /heartbeat and /queue/status.
/// </summary>
internal static class QueueRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        var p = server.Profile;
        var prefix = server.Prefix;
        if (p.Multiplexed)
        {
            app.MapPost(prefix + "/queue/join", ctx => JoinAsync(ctx, server));
            app.MapGet(prefix + "/queue/data", ctx => DataStreamAsync(ctx, server));
        }
        else if (p.SseV0)
        {
            app.MapGet("/queue/join", ctx => HandshakeJoinAsync(ctx, server));
            app.MapPost("/queue/data", ctx => HandshakeDataAsync(ctx, server));
        }
        app.MapGet(prefix + "/queue/status", ctx => Http.Json(ctx, server.Messages.QueueStatus(server.Queue.WaitingCount)));
        app.MapPost(prefix + "/reset", ctx => ResetAsync(ctx, server));
        if (p.HasCancel) app.MapPost(prefix + "/cancel", ctx => CancelAsync(ctx, server));
        if (p.HasHeartbeatRoute) app.MapGet(prefix + "/heartbeat/{session_hash}", ctx => HeartbeatAsync(ctx, server));
    }

    /// <summary>The body of POST queue/join, /run and the 4.0 queue/data (PredictBody).</summary>
    public static readonly Field[] PredictBody =
    [
        new("data", FieldType.List, Required: true), new("event_data", FieldType.Any), new("fn_index", FieldType.Int),
        new("trigger_id", FieldType.Int), new("session_hash", FieldType.String), new("event_id", FieldType.String),
    ];

    /// <summary>How the queue stream encodes a message: orjson from 4.29, json.dumps before.</summary>
    public static string DataLine(ServerContext server, JsonObject message) =>
        "data: " + (server.Profile.OrjsonCompact ? PyJson.Compact(message) : PyJson.Dumps(message)) + "\n\n";

    private static async Task JoinAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (await RequestBody.ReadAsync(ctx, PredictBody) is not { } body) return;
        if ((string?)body["session_hash"] is not { } session)
        {
            await Http.Detail(ctx, StatusCodes.Status400BadRequest, "Session hash not found.");
            return;
        }
        if (body["fn_index"] is null)
        {
            await Http.Detail(ctx, StatusCodes.Status400BadRequest, "No function index provided.");
            return;
        }
        var fnIndex = body["fn_index"]!.GetValue<int>();
        if (server.FindByIndex(fnIndex) is not { } fn)
        {
            await Http.ServerError(ctx, server.Profile, $"KeyError: {fnIndex}");
            return;
        }
        if (await RefuseWhenFullAsync(ctx, server)) return;
        var eventId = ServerContext.NewEventId();
        server.Queue.Enqueue(new Job
        {
            EventId = eventId, SessionHash = session, Fn = fn, Data = (JsonArray)body["data"]!.DeepClone(),
            Mailbox = server.Sessions.Join(session, eventId), Root = ServerContext.Root(ctx),
        });
        if (server.Options.JoinAnswerDelays.TryGetValue(fn.ApiName ?? "", out var delay)) await Task.Delay(delay, server.Stopping);
        await Http.Json(ctx, new JsonObject { ["event_id"] = eventId });
    }

    /// <summary>4.10+: a full queue answers 503 on join.</summary>
    public static async Task<bool> RefuseWhenFullAsync(HttpContext ctx, ServerContext server)
    {
        if (!server.Queue.IsFull) return false;
        await Http.Detail(ctx, StatusCodes.Status503ServiceUnavailable,
            $"Queue is full. Max size is {server.Options.MaxQueueSize} and size is {server.Queue.WaitingCount}.");
        return true;
    }

    private static async Task DataStreamAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (ctx.Request.Query["session_hash"].FirstOrDefault() is not { } session)
        {
            await MissingQueryAsync(ctx, "session_hash");
            return;
        }
        if (server.Sessions.Find(session) is not { } box)
        {
            // 4.9–4.2x just end the stream; later versions say why first.
            await Http.StartSse(ctx);
            if (server.Profile.CloseStream) await Http.Sse(ctx, DataLine(server, server.Messages.UnexpectedError("404: Session not found.")));
            return;
        }
        if (FaultScope.Of(ctx).Has(FakeFaults.EmptyQueueStreams))
        {
            await Http.StartSse(ctx);
            return;
        }
        var closing = server.Profile.CloseStream ? DataLine(server, server.Messages.CloseStream()) : null;
        string Format(JsonObject m) => DataLine(server, m);
        // Gradio keeps a session's message queue (pending_messages_per_session) when a stream of it
        // ends: a later stream of the session waits on it, with heartbeats, for the next join.
        await MailboxStream.ServeSseAsync(ctx, server, box, Format, closing, FaultResults.For(ctx, server, Format, call: false), keepBox: true);
    }

    /// <summary>4.0–4.8: one stream per job; the inputs are asked for with send_data when a worker is free.</summary>
    private static async Task HandshakeJoinAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        var query = ctx.Request.Query;
        if (!int.TryParse(query["fn_index"].FirstOrDefault(), out var fnIndex))
        {
            await MissingQueryAsync(ctx, "fn_index");
            return;
        }
        if (query["session_hash"].FirstOrDefault() is not { } session)
        {
            await MissingQueryAsync(ctx, "session_hash");
            return;
        }
        if (server.FindByIndex(fnIndex) is not { } fn)
        {
            await Http.ServerError(ctx, server.Profile, $"KeyError: {fnIndex}");
            return;
        }
        var eventId = ServerContext.NewEventId();
        var box = server.Sessions.Join(eventId, eventId);
        if (server.Queue.IsFull)
        {
            await Http.StartSse(ctx);
            await Http.Sse(ctx, DataLine(server, server.Messages.QueueFull(eventId)));
            server.Sessions.Remove(box);
            return;
        }
        server.Queue.Enqueue(new Job
        {
            EventId = eventId, SessionHash = session, Fn = fn, Mailbox = box, Root = ServerContext.Root(ctx),
            DataSource = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously),
        });
        await MailboxStream.ServeSseAsync(ctx, server, box, m => DataLine(server, m), closing: null);
    }

    private static async Task HandshakeDataAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (await RequestBody.ReadAsync(ctx, PredictBody) is not { } body) return;
        if ((string?)body["event_id"] is { } eventId && server.Queue.Find(eventId) is { DataSource: { } source })
        {
            source.TrySetResult((JsonArray)body["data"]!.DeepClone());
            await Http.Json(ctx, null);
            return;
        }
        await Http.Detail(ctx, StatusCodes.Status404NotFound, "Event not found.");
    }

    private static async Task CancelAsync(HttpContext ctx, ServerContext server)
    {
        if (await RequestBody.ReadAsync(ctx,
                new Field("session_hash", FieldType.String, Required: true),
                new Field("fn_index", FieldType.Int, Required: true),
                new Field("event_id", FieldType.String, Required: true)) is not { } body) return;
        server.Queue.Cancel(body["session_hash"]!.GetValue<string>(), body["fn_index"]!.GetValue<int>());
        await Http.Json(ctx, new JsonObject { ["success"] = true });
    }

    /// <summary>3.x forgets a session's iterator; 4.0–4.30 stop the event; 4.31+ accept and do nothing.</summary>
    private static async Task ResetAsync(HttpContext ctx, ServerContext server)
    {
        var p = server.Profile;
        var fields = p.IsV3
            ? new[] { new Field("session_hash", FieldType.String, Required: true), new Field("fn_index", FieldType.Int, Required: true) }
            : [new Field("event_id", FieldType.String, Required: true)];
        if (await RequestBody.ReadAsync(ctx, fields) is not { } body) return;
        var success = p.IsV3 || p.ResetIsNoOp || server.Queue.Reset(body["event_id"]!.GetValue<string>());
        await Http.Json(ctx, new JsonObject { ["success"] = success });
    }

    /// <summary>4.25+: keeps a session alive; "ALIVE" at once and after every interval.</summary>
    private static async Task HeartbeatAsync(HttpContext ctx, ServerContext server)
    {
        try
        {
            await Http.StartSse(ctx);
            using var stop = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
            while (!stop.IsCancellationRequested)
            {
                await Http.Sse(ctx, "data: ALIVE\n\n");
                await Task.Delay(server.Options.HeartbeatInterval, stop.Token);
            }
        }
        catch (System.Exception e) when (e is System.OperationCanceledException or System.IO.IOException)
        {
            // The session's client went away.
        }
    }

    private static Task MissingQueryAsync(HttpContext ctx, string name) =>
        Http.Json(ctx, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["type"] = "missing", ["loc"] = new JsonArray("query", name), ["msg"] = "Field required", ["input"] = null,
            }),
        }, StatusCodes.Status422UnprocessableEntity);
}
