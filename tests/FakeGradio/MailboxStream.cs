using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Drains a mailbox to a client: heartbeats after each quiet interval, the end rule (the stream stops
/// after a process_completed once nothing is pending, or after every one with
/// <see cref="FakeFaults.EndStreamAfterEachCompletion"/>), and the stream faults a test can inject.
/// </summary>
internal static class MailboxStream
{
    private const string Garbage = "data: {\"msg\":\"process_generating\",\"output\":{\"data\":[\"trunc\n\n";

    /// <summary>
    /// Sends messages until the end rule; true when it ended normally, false when the writer stopped it.
    /// A kept box outlives the stream (the next stream of the session reads it); others close.
    /// </summary>
    public static async Task<bool> PumpAsync(ServerContext server, Mailbox box, Func<JsonObject, Task<bool>> write, CancellationToken ct, bool keepBox = false)
    {
        var endEarly = server.Options.Faults.HasFlag(FakeFaults.EndStreamAfterEachCompletion);
        while (true)
        {
            JsonObject message;
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                quiet.CancelAfter(server.Options.HeartbeatInterval);
                try
                {
                    message = await box.TakeAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    if (!await write(server.Messages.Heartbeat())) return false;
                    continue;
                }
            }
            if (!await write(message)) return false;
            if ((string?)message["msg"] == "process_completed" && (endEarly || (keepBox ? box.IsDrained : box.TryClose()))) return true;
        }
    }

    /// <summary>
    /// Serves a mailbox as text/event-stream. <paramref name="format"/> turns a message into SSE text
    /// (null to skip it); <paramref name="closing"/> is sent after a normal end (sse_v3's close_stream);
    /// <paramref name="writeResult"/>, when given, writes process_completed messages instead (FaultResults.cs);
    /// <paramref name="keepBox"/> leaves the session's box open for a later stream, as Gradio 4.x+ does.
    /// A client that goes away takes its events with it.
    /// </summary>
    public static async Task ServeSseAsync(HttpContext ctx, ServerContext server, Mailbox box, Func<JsonObject, string?> format, string? closing,
        Func<JsonObject, Task>? writeResult = null, bool keepBox = false)
    {
        var scope = FaultScope.Of(ctx);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
        try
        {
            await Http.StartSse(ctx);
            if (scope.Has(FakeFaults.MalformedSse))
            {
                await Http.Sse(ctx, Garbage);
            }
            else
            {
                bool ended;
                // Counted while messages are taken from the box, so a client that reopens as soon
                // as it reads the closing message is not seen as a second reader.
                using (server.Readers.Enter(box.Key))
                {
                    ended = await PumpAsync(server, box, async message =>
                    {
                        if (writeResult is not null && (string?)message["msg"] == "process_completed") await writeResult(message);
                        else if (format(message) is { } text) await Http.Sse(ctx, text);
                        if (scope.Has(FakeFaults.DropStreamMidway) && (string?)message["msg"] == "process_generating")
                        {
                            ctx.Abort();
                            return false;
                        }
                        return true;
                    }, stop.Token, keepBox);
                }
                if (ended)
                {
                    if (closing is not null) await Http.Sse(ctx, closing);
                    if (box.IsClosed) server.Sessions.Remove(box);
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away (or the server is stopping).
        }
        server.Queue.Drop(box);
        server.Sessions.Remove(box);
    }
}
