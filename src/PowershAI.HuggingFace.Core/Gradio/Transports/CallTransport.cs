using System;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The simple API of 4.20+: POST {prefix}/call/{api}, then GET the SSE stream (docs/gradio-protocol.md §3.1). It carries
/// no progress, logs or gr.Error text, which is why the queue is preferred where it exists.
/// </summary>
sealed class CallTransport : IGradioTransport
{
    public async Task<GradioJob> SubmitAsync(SubmitRequest r, CancellationToken ct)
    {
        var body = new JsonObject { ["data"] = r.Inputs.DeepClone() };
        if (r.SessionChosen) body["session_hash"] = r.SessionHash;
        var answer = await r.Client.PostJsonAsync(GradioUrl.Join(r.App.ApiBase, "call/" + Uri.EscapeDataString(r.Endpoint.RouteName)), body, $"Calling {r.Endpoint.ApiName}", ct).ConfigureAwait(false);
        var eventId = answer?["event_id"]?.ToString()
            ?? throw new GradioException(GradioErrorKind.MalformedResponse, $"call/{r.Endpoint.RouteName} answered without an event_id.", target: r.Endpoint.ApiName);
        return new CallJob(r, eventId);
    }
}

sealed class CallJob : GradioJob
{
    readonly SubmitRequest _request;
    readonly CancellationTokenSource _stop = new();

    public CallJob(SubmitRequest r, string eventId) : base(r.Client, r.App, r.Endpoint, r.SessionHash, "call")
    {
        _request = r;
        EventId = eventId;
    }

    /// <summary>
    /// The stream key: the event id, except before 6.18 when a chosen session hash files the
    /// messages under that hash instead (docs/gradio-protocol.md §3.1).
    /// </summary>
    string StreamKey => _request.SessionChosen && App.CallStreamKeyedBySession ? SessionHash : EventId!;

    protected override void StartProducing() => RunProducer(async () =>
    {
        var url = GradioUrl.Join(App.ApiBase, "call/" + Uri.EscapeDataString(Endpoint.RouteName) + "/" + Uri.EscapeDataString(StreamKey));
        await foreach (var item in Client.ReadEventsAsync(url, $"Reading the results of {Endpoint.ApiName}", _stop.Token).ConfigureAwait(false))
        {
            var e = Translate(item.EventType, item.Data, url);
            if (e == null) continue;
            Publish(e);
            if (e.IsTerminal) return;
            await RoomAsync(_stop.Token).ConfigureAwait(false);
        }
        throw new GradioException(GradioErrorKind.StreamDropped, $"The result stream of {Endpoint.ApiName} ended before the job finished.", target: url.ToString());
    });

    [MethodImpl(PerEvent.Compile)]
    GradioEvent? Translate(string eventType, JsonNode? node, Uri url)
    {
        switch (eventType)
        {
            case "generating":
                return new GradioEvent(GradioEventKind.Generating) { Data = Outputs(node, url) };
            case "complete":
                // After a cancel the final event carries null (docs/gradio-protocol.md §3.1).
                return node == null
                    ? new GradioEvent(GradioEventKind.Complete) { Cancelled = true }
                    : new GradioEvent(GradioEventKind.Complete) { Data = Outputs(node, url) };
            case "error":
                // null: the app raised (text withheld before 6.13); a string: the server's own failure.
                var serverText = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                return new GradioEvent(GradioEventKind.Error)
                {
                    Message = serverText ?? QueueMessageReader.ErrorText(node, pythonRepr: false),
                    Title = (node as JsonObject)?["title"]?.ToString(),
                    ServerFailure = serverText != null,
                };
            case "heartbeat":
                return new GradioEvent(GradioEventKind.Heartbeat);
            default:
                return null;
        }
    }

    JsonArray Outputs(JsonNode? node, Uri url) => node is JsonArray a
        ? Endpoint.VisibleOutputs(a)
        : throw new GradioException(GradioErrorKind.MalformedResponse, $"The results of {Endpoint.ApiName} are not a list of outputs.", target: url.ToString());

    protected override async Task CancelOnServerAsync(CancellationToken ct)
    {
        if (App.SupportsCancel && Endpoint.FnIndex is int fn)
        {
            var body = new JsonObject { ["session_hash"] = _request.SessionChosen ? SessionHash : EventId, ["fn_index"] = fn, ["event_id"] = EventId };
            await Client.PostJsonAsync(GradioUrl.Join(App.ApiBase, "cancel"), body, $"Cancelling {Endpoint.ApiName}", ct).ConfigureAwait(false);
        }
    }

    // Closing the GET also makes the server drop the job (docs/gradio-protocol.md §3.1).
    protected override void Abandon() => _stop.Cancel();
}
