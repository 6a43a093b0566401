using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>One way of running a job on a Gradio server (docs/gradio-protocol.md §3). Chosen by <see cref="TransportSelector"/>.</summary>
interface IGradioTransport
{
    /// <summary>Sends the job; returns once the server accepted it (or, for handshake protocols, once connected).</summary>
    Task<GradioJob> SubmitAsync(SubmitRequest request, CancellationToken ct);
}

/// <summary>Everything a transport needs to send one job.</summary>
sealed class SubmitRequest
{
    public SubmitRequest(GradioClient client, AppInfo app, EndpointInfo endpoint, JsonArray inputs, string sessionHash, bool sessionChosen)
    {
        Client = client;
        App = app;
        Endpoint = endpoint;
        Inputs = inputs;
        SessionHash = sessionHash;
        SessionChosen = sessionChosen;
    }

    public GradioClient Client { get; }
    public AppInfo App { get; }
    public EndpointInfo Endpoint { get; }

    /// <summary>The wire inputs, State slots included.</summary>
    public JsonArray Inputs { get; }

    public string SessionHash { get; }

    /// <summary>True when the caller keeps this session (gr.State must carry over); false for a throwaway one.</summary>
    public bool SessionChosen { get; }

    public int FnIndex => Endpoint.FnIndex ?? throw new GradioException(GradioErrorKind.ProtocolNotSupported,
        $"{Endpoint.ApiName} has no fn_index because the app has no /config; use -Protocol Call.", target: Endpoint.ApiName);
}
