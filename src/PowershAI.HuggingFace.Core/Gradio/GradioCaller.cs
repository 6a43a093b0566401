using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio.Transports;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>What a caller may choose about one call besides the arguments.</summary>
public sealed class CallOptions
{
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    /// <summary>A session hash to keep gr.State between calls; null for a throwaway session.</summary>
    public string? SessionHash { get; set; }

    /// <summary>Progress of uploading the files found in the arguments.</summary>
    public IProgress<TransferProgress>? UploadProgress { get; set; }

    /// <summary>
    /// FileData of files uploaded earlier, by <see cref="ArgumentConverter.UploadKey"/>: files found
    /// there are not sent again, and new uploads are added (a session's cache).
    /// </summary>
    public IDictionary<string, JsonObject>? Uploads { get; set; }
}

/// <summary>A call ready to send: its endpoint, found once, and its wire inputs, built once.</summary>
public sealed class PreparedCall
{
    internal PreparedCall(AppInfo app, EndpointInfo endpoint, JsonArray inputs, IGradioTransport transport, string? sessionHash)
    {
        App = app;
        Endpoint = endpoint;
        Inputs = inputs;
        Transport = transport;
        SessionHash = sessionHash;
    }

    public AppInfo App { get; }

    public EndpointInfo Endpoint { get; }

    /// <summary>Exactly what is sent as the job's data: State slots included, files as FileData.</summary>
    public JsonArray Inputs { get; }

    internal IGradioTransport Transport { get; }

    internal string? SessionHash { get; }
}

/// <summary>
/// Calls an endpoint: the caller binds the arguments once at its edge (<see cref="BoundArguments"/>),
/// <see cref="PrepareAsync"/> converts and uploads them in one walk, <see cref="SendAsync"/> submits.
/// </summary>
public static class GradioCaller
{
    /// <summary>Discovers the app, finds the endpoint once, binds the arguments with <paramref name="bind"/>, prepares and sends.</summary>
    public static async Task<GradioJob> SubmitAsync(GradioClient client, string apiName, Func<EndpointInfo, BoundArguments> bind, CallOptions? options, CancellationToken ct)
    {
        var app = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
        var call = await PrepareAsync(client, app, bind(app.FindEndpoint(apiName)), options, ct).ConfigureAwait(false);
        return await SendAsync(client, call, ct).ConfigureAwait(false);
    }

    /// <summary>A call with its arguments in /info order.</summary>
    public static Task<GradioJob> SubmitAsync(GradioClient client, string apiName, IReadOnlyList<object?> arguments, CallOptions? options, CancellationToken ct) =>
        SubmitAsync(client, apiName, e => e.BindPositional(arguments), options, ct);

    /// <summary>
    /// Picks the transport (so an unavailable protocol fails before anything is uploaded), then
    /// converts the arguments and uploads their files in one walk.
    /// </summary>
    public static async Task<PreparedCall> PrepareAsync(GradioClient client, AppInfo app, BoundArguments arguments, CallOptions? options, CancellationToken ct)
    {
        options ??= new CallOptions();
        var transport = TransportSelector.Choose(app, arguments.Endpoint, options.Protocol);
        var inputs = await ArgumentConverter.ToInputsAsync(client, app, arguments, options.Uploads, options.UploadProgress, ct).ConfigureAwait(false);
        return new PreparedCall(app, arguments.Endpoint, inputs, transport, options.SessionHash);
    }

    /// <summary>Submits a prepared call; returns once the server accepted it.</summary>
    public static Task<GradioJob> SendAsync(GradioClient client, PreparedCall call, CancellationToken ct)
    {
        var chosen = !string.IsNullOrEmpty(call.SessionHash);
        var session = chosen ? call.SessionHash! : NewSessionHash();
        return call.Transport.SubmitAsync(new SubmitRequest(client, call.App, call.Endpoint, call.Inputs, session, chosen), ct);
    }

    /// <summary>
    /// Attaches to a job submitted earlier (PowershAI's -EventId): its results are read again
    /// from the /call stream, or from the queue stream of <paramref name="sessionHash"/>.
    /// </summary>
    public static async Task<GradioJob> AttachAsync(GradioClient client, string apiName, string eventId, string? sessionHash, GradioProtocol protocol, CancellationToken ct)
    {
        var app = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
        var endpoint = app.FindEndpoint(apiName);
        var chosen = !string.IsNullOrEmpty(sessionHash);
        var request = new SubmitRequest(client, app, endpoint, new JsonArray(), chosen ? sessionHash! : eventId, chosen);
        var useQueue = protocol == GradioProtocol.Queue || (protocol == GradioProtocol.Auto && chosen && app.SupportsQueue);
        if (!useQueue) return new CallJob(request, eventId);
        if (!chosen) throw new GradioException(GradioErrorKind.InvalidArguments, "Attaching to a queued job needs the session hash it was submitted with (-SessionHash).", target: eventId);
        return QueueJob.Attach(request, eventId);
    }

    /// <summary>A session hash like the official clients make: random, URL-safe.</summary>
    public static string NewSessionHash() => Guid.NewGuid().ToString("N").Substring(0, 11);
}
