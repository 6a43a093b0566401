using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>Gradio 4.0–4.8 ("sse"): GET queue/join as SSE, inputs POSTed to queue/data on send_data (docs/gradio-protocol.md §3.6).</summary>
sealed class SseHandshakeTransport : IGradioTransport
{
    public Task<GradioJob> SubmitAsync(SubmitRequest r, CancellationToken ct)
    {
        var job = new SseHandshakeJob(r);
        job.Start();
        return Task.FromResult<GradioJob>(job);
    }
}

sealed class SseHandshakeJob : HandshakeJob
{
    readonly CancellationTokenSource _stop = new();

    public SseHandshakeJob(SubmitRequest r) : base(r, "queue") { }

    // The server wants the inputs within ~5 s of send_data, so the stream is read from submission.
    public void Start() => RunProducer(async () =>
    {
        var url = GradioUrl.Join(App.ApiBase, $"queue/join?fn_index={Request.FnIndex}&session_hash={Uri.EscapeDataString(SessionHash)}");
        await foreach (var item in Client.ReadEventsAsync(url, "Reading the queue stream", QueueMessageJson.Parse, _stop.Token).ConfigureAwait(false))
        {
            var msg = item.Data
                ?? throw new GradioException(GradioErrorKind.MalformedResponse, "The queue stream sent a message that is not a JSON object.", target: url.ToString());
            if (await OnMessageAsync(msg, _stop.Token).ConfigureAwait(false)) return;
        }
        throw new GradioException(GradioErrorKind.StreamDropped, $"The queue stream closed before {Endpoint.ApiName} finished.", target: url.ToString());
    });

    protected override void StartProducing() { }

    protected override Task ReplyAsync(JsonObject message, CancellationToken ct) =>
        Client.PostJsonAsync(GradioUrl.Join(App.ApiBase, "queue/data"), message, $"Sending the inputs of {Endpoint.ApiName}", ct);

    // 4.0–4.8 drop a job whose stream closes.
    protected override Task CancelOnServerAsync(CancellationToken ct)
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }
}
