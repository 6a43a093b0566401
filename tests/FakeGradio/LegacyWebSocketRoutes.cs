using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The 3.x WebSocket queue (docs/gradio-protocol.md §3.5): send_hash → {fn_index, session_hash} → estimation → send_data →
/// {data...} → process_starts … process_completed, then the server closes the socket.
/// </summary>
internal static class LegacyWebSocketRoutes
{
    /// <summary>How long the server waits for the hash reply (3.x: 5 s).</summary>
    private static readonly TimeSpan HashTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        if (server.Profile.IsV3) app.Map("/queue/join", ctx => JoinAsync(ctx, server));
    }

    private static async Task JoinAsync(HttpContext ctx, ServerContext server)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            await Http.Detail(ctx, StatusCodes.Status400BadRequest, "Expected a WebSocket request.");
            return;
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
        var ct = stop.Token;
        if (!server.Login.IsAuthenticated(ctx))
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Not authenticated", ct);
            return;
        }
        Mailbox? box = null;
        try
        {
            await SendAsync(socket, server.Messages.SendHash(), ct);
            using var hashWait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            hashWait.CancelAfter(HashTimeout);
            var hello = await ReceiveAsync(socket, hashWait.Token);
            if (hello?["fn_index"] is not JsonValue index || server.FindByIndex(index.GetValue<int>()) is not { } fn)
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Unknown fn_index", ct);
                return;
            }
            var eventId = ServerContext.NewEventId();
            if (server.Queue.IsFull)
            {
                await SendAsync(socket, server.Messages.QueueFull(eventId), ct);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }
            box = server.Sessions.Join(eventId, eventId);
            var job = new Job
            {
                EventId = eventId, SessionHash = (string?)hello["session_hash"] ?? eventId, Fn = fn, Mailbox = box, Root = "",
                DataSource = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously),
            };
            server.Queue.Enqueue(job);
            var receiving = ReceiveDataAsync(socket, job, ct);
            var ended = await MailboxStream.PumpAsync(server, box, async message =>
            {
                await SendAsync(socket, message, ct);
                if (FaultScope.Of(ctx).Has(FakeFaults.DropStreamMidway) && (string?)message["msg"] == "process_generating")
                {
                    ctx.Abort();
                    return false;
                }
                return true;
            }, ct);
            if (ended)
            {
                server.Sessions.Remove(box);
                // Only our half of the close: the receive loop sees the client's reply.
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                await receiving;
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // The client went away or spoke out of turn.
        }
        if (box is not null)
        {
            server.Queue.Drop(box);
            server.Sessions.Remove(box);
        }
    }

    /// <summary>Reads the client's messages: the data reply to send_data, then the close.</summary>
    private static async Task ReceiveDataAsync(WebSocket socket, Job job, CancellationToken ct)
    {
        try
        {
            while (await ReceiveAsync(socket, ct) is { } message)
            {
                if (message["data"] is JsonArray data) job.DataSource!.TrySetResult((JsonArray)data.DeepClone());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            // Socket closed.
        }
        job.Cancellation.Cancel();
    }

    private static Task SendAsync(WebSocket socket, JsonObject message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(PyJson.Compact(message)), WebSocketMessageType.Text, true, ct);

    /// <summary>The next JSON text message, or null when the client closed.</summary>
    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var text = new System.IO.MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(text.ToArray()) as JsonObject;
        }
    }
}
