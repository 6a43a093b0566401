using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>The queue protocol of 4.9+ (sse_v1 … sse_v3): POST queue/join, results on the session's shared stream (docs/gradio-protocol.md §3.2).</summary>
sealed class QueueTransport : IGradioTransport
{
    public async Task<GradioJob> SubmitAsync(SubmitRequest r, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["data"] = r.Inputs.DeepClone(),
            ["event_data"] = null,
            ["fn_index"] = r.FnIndex,
            ["trigger_id"] = null,
            ["session_hash"] = r.SessionHash,
        };
        // Announced before the post: the session's stream may carry this job's messages before the answer.
        var stream = QueueSessionStream.BeginJoin(r.Client, r.App, r.SessionHash);
        string eventId;
        try
        {
            var answer = await r.Client.PostJsonAsync(GradioUrl.Join(r.App.ApiBase, "queue/join"), body, $"Joining the queue for {r.Endpoint.ApiName}", ct).ConfigureAwait(false);
            eventId = answer?["event_id"]?.ToString()
                ?? throw new GradioException(GradioErrorKind.MalformedResponse, $"queue/join for {r.Endpoint.ApiName} answered without an event_id.", target: r.Endpoint.ApiName);
        }
        catch
        {
            stream.JoinFailed();
            throw;
        }
        var job = new QueueJob(r, eventId, stream);
        stream.Register(job);
        return job;
    }
}

/// <summary>A job on the shared session stream; the stream routes its messages here.</summary>
sealed class QueueJob : GradioJob
{
    readonly QueueMessageReader _reader;
    readonly SubmitRequest _request;

    public QueueJob(SubmitRequest r, string eventId, QueueSessionStream stream) : base(r.Client, r.App, r.Endpoint, r.SessionHash, "queue")
    {
        _request = r;
        Stream = stream;
        EventId = eventId;
        _reader = new QueueMessageReader(r.App, r.Endpoint, r.App.SendsDiffs);
    }

    internal QueueSessionStream Stream { get; }

    /// <summary>A handle on a job submitted earlier, read from its session's stream.</summary>
    internal static QueueJob Attach(SubmitRequest r, string eventId)
    {
        var stream = QueueSessionStream.BeginJoin(r.Client, r.App, r.SessionHash);
        var job = new QueueJob(r, eventId, stream);
        stream.Register(job);
        return job;
    }

    /// <summary>Translates a routed message; true when the job has ended.</summary>
    [MethodImpl(PerEvent.Compile)]
    internal bool Handle(QueueMessage msg)
    {
        var e = _reader.Translate(msg);
        if (e == null) return false;
        Publish(e);
        if (!e.IsTerminal) return false;
        Close();
        return true;
    }

    protected override void StartProducing() => Stream.EnsureReading();

    protected override async Task CancelOnServerAsync(CancellationToken ct)
    {
        if (App.SupportsCancel)
        {
            var body = new JsonObject { ["session_hash"] = SessionHash, ["fn_index"] = _request.FnIndex, ["event_id"] = EventId };
            await Client.PostJsonAsync(GradioUrl.Join(App.ApiBase, "cancel"), body, $"Cancelling {Endpoint.ApiName}", ct).ConfigureAwait(false);
        }
        else
        {
            // Before 4.31 the only way to stop a job is to drop the session's stream (docs/gradio-protocol.md §3.8).
            Stream.Abort();
        }
    }

    protected override void Abandon() => Stream.Unregister(this);
}
