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
        endpoint.CheckArgumentCount(arguments.Count);
        var values = await ArgumentConverter.ToJsonAsync(client, app, arguments, options.UploadProgress, ct).ConfigureAwait(false);
        var inputs = endpoint.BuildInputs(values);
        var chosen = !string.IsNullOrEmpty(options.SessionHash);
        var session = chosen ? options.SessionHash! : NewSessionHash();
        return await transport.SubmitAsync(new SubmitRequest(client, app, endpoint, inputs, session, chosen), ct).ConfigureAwait(false);
    }

    /// <summary>A session hash like the official clients make: random, URL-safe.</summary>
    public static string NewSessionHash() => Guid.NewGuid().ToString("N").Substring(0, 11);
}
