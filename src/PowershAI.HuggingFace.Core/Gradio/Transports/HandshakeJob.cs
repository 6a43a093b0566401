using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The older queues where the server asks for the inputs once a worker is free: 3.x over a
/// WebSocket (docs/gradio-protocol.md §3.5) and 4.0–4.8 over SSE (docs/gradio-protocol.md §3.6). One connection per job; full values, no diffs.
/// </summary>
abstract class HandshakeJob : GradioJob
{
    readonly QueueMessageReader _reader;

    protected HandshakeJob(SubmitRequest r, string protocol) : base(r.Client, r.App, r.Endpoint, r.SessionHash, protocol)
    {
        Request = r;
        _reader = new QueueMessageReader(r.App, r.Endpoint, diffs: false);
    }

    protected SubmitRequest Request { get; }

    protected JsonObject HashMessage() => new() { ["fn_index"] = Request.FnIndex, ["session_hash"] = SessionHash };

    protected JsonObject DataMessage(string? eventId)
    {
        var m = new JsonObject
        {
            ["data"] = Request.Inputs.DeepClone(),
            ["event_data"] = null,
            ["fn_index"] = Request.FnIndex,
            ["session_hash"] = SessionHash,
        };
        if (eventId != null) m["event_id"] = eventId;
        return m;
    }

    /// <summary>Handles one server message; true when the job has ended.</summary>
    protected async Task<bool> OnMessageAsync(QueueMessage msg, CancellationToken ct)
    {
        switch (msg.Kind)
        {
            case "send_hash":
                await ReplyAsync(HashMessage(), ct).ConfigureAwait(false);
                return false;
            case "send_data":
                if (msg.EventId is { } id) EventId = id;
                await ReplyAsync(DataMessage(msg.EventId), ct).ConfigureAwait(false);
                return false;
        }
        var e = _reader.Translate(msg);
        if (e == null) return false;
        Publish(e);
        return e.IsTerminal;
    }

    protected abstract Task ReplyAsync(JsonObject message, CancellationToken ct);
}
