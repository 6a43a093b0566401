using System;
using System.Collections.Generic;
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
}

/// <summary>Submits a call: discover, check and convert the arguments, upload files, pick a transport, send.</summary>
public static class GradioCaller
{
    public static async Task<GradioJob> SubmitAsync(GradioClient client, string apiName, IReadOnlyList<object?> arguments, CallOptions? options, CancellationToken ct)
    {
        options ??= new CallOptions();
        var app = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
        var endpoint = app.FindEndpoint(apiName);
        var transport = TransportSelector.Choose(app, endpoint, options.Protocol);
        // The count is checked before anything is uploaded or sent.
        arguments = ByNameIfNamed(endpoint, arguments);
        endpoint.CheckArgumentCount(arguments.Count);
        var values = await ArgumentConverter.ToJsonAsync(client, app, arguments, options.UploadProgress, ct).ConfigureAwait(false);
        var inputs = endpoint.BuildInputs(values);
        var chosen = !string.IsNullOrEmpty(options.SessionHash);
        var session = chosen ? options.SessionHash! : NewSessionHash();
        return await transport.SubmitAsync(new SubmitRequest(client, app, endpoint, inputs, session, chosen), ct).ConfigureAwait(false);
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
        var request = new SubmitRequest(client, app, endpoint, new System.Text.Json.Nodes.JsonArray(), chosen ? sessionHash! : eventId, chosen);
        var useQueue = protocol == GradioProtocol.Queue || (protocol == GradioProtocol.Auto && chosen && app.SupportsQueue);
        if (!useQueue) return new CallJob(request, eventId);
        if (!chosen) throw new GradioException(GradioErrorKind.InvalidArguments, "Attaching to a queued job needs the session hash it was submitted with (-SessionHash).", target: eventId);
        return QueueJob.Attach(request, eventId);
    }

    /// <summary>
    /// One dictionary whose keys all name parameters is taken as arguments by name (PowershAI's
    /// hashtable form); anything else is positional.
    /// </summary>
    static IReadOnlyList<object?> ByNameIfNamed(EndpointInfo endpoint, IReadOnlyList<object?> arguments)
    {
        if (arguments.Count != 1 || arguments[0] is not System.Collections.IDictionary d || d.Count == 0) return arguments;
        var named = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry kv in d)
        {
            var key = kv.Key?.ToString() ?? "";
            if (endpoint.FindParameter(key) == null) return arguments;
            named[key] = kv.Value;
        }
        return endpoint.OrderByName(named);
    }

    /// <summary>A session hash like the official clients make: random, URL-safe.</summary>
    public static string NewSessionHash() => Guid.NewGuid().ToString("N").Substring(0, 11);
}
