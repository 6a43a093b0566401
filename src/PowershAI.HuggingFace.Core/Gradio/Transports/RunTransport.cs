using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The synchronous route POST {prefix}/run/{api} (docs/gradio-protocol.md §3.7): for apps without a queue, and for
/// unqueued 3.x events. A generator gives only its first value here.
/// </summary>
sealed class RunTransport : IGradioTransport
{
    public Task<GradioJob> SubmitAsync(SubmitRequest r, CancellationToken ct)
    {
        var job = new RunJob(r);
        job.Start();
        return Task.FromResult<GradioJob>(job);
    }
}

sealed class RunJob : GradioJob
{
    readonly SubmitRequest _request;
    readonly CancellationTokenSource _stop = new();

    public RunJob(SubmitRequest r) : base(r.Client, r.App, r.Endpoint, r.SessionHash, "run")
    {
        _request = r;
        EventId = Guid.NewGuid().ToString("N");
    }

    public void Start() => RunProducer(async () =>
    {
        // Unnamed 3.x endpoints are reached through /run/predict with their fn_index.
        var route = Endpoint.ApiName.StartsWith("/fn_index_", StringComparison.Ordinal) ? "predict" : Endpoint.RouteName;
        var body = new JsonObject { ["data"] = _request.Inputs.DeepClone(), ["session_hash"] = SessionHash };
        if (Endpoint.FnIndex is int fn) body["fn_index"] = fn;
        var url = GradioUrl.Join(App.ApiBase, "run/" + Uri.EscapeDataString(route));
        var what = $"Running {Endpoint.ApiName}";
        using var response = await Client.SendRawAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = GradioClient.JsonContent(body) }, what, _stop.Token).ConfigureAwait(false);
        var json = response.Content.Headers.ContentType?.MediaType == "application/json";
        if (!response.IsSuccessStatusCode && !((int)response.StatusCode == 500 && json))
            throw GradioFailure.FromResponse(response, await Client.ReadErrorBodyAsync(response, _stop.Token).ConfigureAwait(false), what);
        var node = json ? await Client.ReadJsonBodyAsync(response, what, _stop.Token).ConfigureAwait(false) : null;
        if (response.IsSuccessStatusCode && node?["data"] is JsonArray data)
        {
            Publish(new GradioEvent(GradioEventKind.Complete) { Data = Endpoint.VisibleOutputs((JsonArray)data.DeepClone()) });
            return;
        }
        // A failing function answers 500 with the error payload; anything else is an HTTP failure.
        if ((int)response.StatusCode == 500 && node is JsonObject payload && payload.ContainsKey("error"))
        {
            Publish(new GradioEvent(GradioEventKind.Error) { Message = QueueMessageReader.ErrorText(payload["error"], App.Config != null && App.Version.Major < 5), Title = payload["title"]?.ToString() });
            return;
        }
        throw GradioFailure.FromResponse(response, node?.ToJsonString() ?? "", what);
    });

    protected override void StartProducing() { }

    protected override Task CancelOnServerAsync(CancellationToken ct)
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }
}
