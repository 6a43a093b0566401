using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Invoke-GradioEndpoint: calls an endpoint of a session with values by parameter name, uploads
/// file inputs, streams the results and downloads file outputs. Generated functions forward
/// their bound parameters here, so all their behaviour lives in this cmdlet. The arguments are
/// bound by name here, once; the control entries of -BoundParameters are read through
/// <see cref="CallControls"/>, where they are declared.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GradioEndpoint")]
[OutputType(typeof(GradioApiEventResult), typeof(SessionApiEvent), typeof(GradioCallJob))]
public sealed class InvokeGradioEndpointCommand : GradioCmdlet
{
    const int UploadActivity = 6;
    const string Masked = "********";

    /// <summary>The endpoint; an endpoint from Get-GradioEndpoint binds by its ApiName (and Session) properties.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string ApiName { get; set; } = "";

    /// <summary>The values by parameter name (a hashtable), and the control entries; generated functions pass $PSBoundParameters. A name the endpoint does not have is an error.</summary>
    [Parameter(Position = 1)]
    [Alias("Parameters", "Params")]
    public IDictionary? BoundParameters { get; set; }

    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    /// <summary>The session a generated function was made for (preferred over -Session when it still exists).</summary>
    [Parameter]
    public Guid? SessionId { get; set; }

    /// <summary>Generated functions: their parameter names to the endpoint's parameter indexes.</summary>
    [Parameter]
    public IDictionary? ParameterMap { get; set; }

    [Parameter]
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    protected override object? ErrorTarget => ApiName;

    protected override void Process()
    {
        var session = (SessionId is Guid id ? SessionStore.ById(id) : null) ?? ResolveSession();
        var controls = CallControls.Read(BoundParameters, out var inputs);
        var endpoint = session.App.FindEndpoint(ApiName);
        var arguments = endpoint.Bind(Values(session.App, endpoint, inputs, controls));
        var client = SessionCalls.ClientFor(this, session, Secrets.ToSecure(controls.ApiToken), TimeoutSec, Credential);
        // With -AsJob the deadline goes on bounding the call in the job, which then disposes it.
        var deadline = new CallDeadline(controls.MaxDurationSec is int limit ? TimeSpan.FromSeconds(limit) : null);
        var handedOff = false;
        try
        {
            var options = new CallOptions
            {
                Protocol = Protocol,
                SessionHash = session.SessionHash,
                Uploads = session.Uploads,
                UploadProgress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(UploadActivity, "Uploading to " + session.Name, p))),
            };
            var prepared = Await(ct => deadline.RunAsync(endpoint.ApiName, t => GradioCaller.PrepareAsync(client, session.App, arguments, options, t), ct));
            WriteProgress(Progress.Completed(UploadActivity, "Uploading to " + session.Name));
            if (controls.DebugData)
            {
                WriteObject(DebugData(session, prepared, controls));
                return;
            }

            var job = Await(ct => deadline.RunAsync(endpoint.ApiName, t => GradioCaller.SendAsync(client, prepared, t), ct));
            var call = SessionCalls.Record(this, session, job);
            if (controls.Manual)
            {
                WriteObject(call);
                return;
            }
            var chain = Chain(controls.PipeObj);
            var folder = controls.OutputDirectory != null
                ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(controls.OutputDirectory)
                : session.DownloadPath;
            var reader = new ResultReader
            {
                SkipHeartbeats = true,
                ResultOnly = controls.Result,
                MaxHeartBeats = controls.MaxHeartBeats,
                MapData = controls.NoDownload ? null : (e, output, ct) => deadline.RunAsync(ApiName, t => CallFiles.DownloadAsync(client, session, e, folder, output, t), ct),
                Decorate = r => r.Pipeline = chain,
            };
            async Task ReadAsync(ICallOutput output, CancellationToken ct)
            {
                using (deadline.CancelOnExpiry(job))
                    await reader.ReadAsync(call.ApiEvent, output, ct).ConfigureAwait(false);
                if (deadline.Expired && call.Status == "cancelled") throw deadline.Failure(endpoint.ApiName, jobCancelled: true);
                if (call.ApiEvent.LastQueryStatus == "HeartBeatExpired")
                    throw new GradioException(GradioErrorKind.Timeout,
                        $"{endpoint.ApiName}: no result after {controls.MaxHeartBeats} heartbeat(s) in a row. The call goes on in session '{session.Name}': " +
                        $"Update-GradioSessionApiResult -Id {call.Id} -Session '{session.Name}' reads it.", target: endpoint.ApiName);
            }
            if (controls.AsJob)
            {
                WriteObject(GradioCallJob.Start(this, call.ApiEvent, ReadAsync, deadline));
                handedOff = true;
                return;
            }
            Await(ct => ReadAsync(Output, ct));
        }
        finally
        {
            if (!handedOff) deadline.Dispose();
        }
    }

    GradioSession ResolveSession()
    {
        try
        {
            return SessionStore.Resolve(Session);
        }
        catch (GradioException) when (SessionId != null)
        {
            throw new GradioException(GradioErrorKind.InvalidArguments, $"The session '{Session}' this function was generated for is gone. Open it again and run New-GradioSessionApiProxyFunction.", target: ApiName);
        }
    }

    /// <summary>
    /// Values by endpoint parameter index: the inputs by name, then the upstream result's data
    /// through -ApiResultMap. File inputs are resolved here, on the pipeline thread (PowerShell
    /// paths need the session state).
    /// </summary>
    Dictionary<int, object?> Values(AppInfo app, EndpointInfo endpoint, IEnumerable<KeyValuePair<string, object?>> inputs, CallControls controls)
    {
        var map = ParameterMap?.Cast<DictionaryEntry>().ToDictionary(
            kv => kv.Key.ToString()!, kv => Convert.ToInt32(kv.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        int? IndexOf(string name) => map != null ? (map.TryGetValue(name, out var i) ? i : null) : endpoint.FindParameter(name)?.Index;

        var values = new Dictionary<int, object?>();
        foreach (var kv in inputs)
        {
            if (IndexOf(kv.Key) is int i) values[i] = kv.Value;
            // A generated function's other bound parameters are PowerShell's common ones.
            else if (map == null)
                throw new GradioException(GradioErrorKind.InvalidArguments, $"{endpoint.ApiName} has no parameter '{kv.Key}'. Its parameters: {endpoint.Signature}.", target: endpoint.ApiName);
        }

        if (controls.PipeObj is { } upstream && controls.ApiResultMap is { } maps)
        {
            var data = (upstream is PSObject p ? p.BaseObject : upstream) is GradioApiEventResult r ? r.Data : (upstream as PSObject)?.Properties["data"]?.Value;
            var items = data is object[] arr ? arr : new[] { data };
            foreach (var entry in maps)
            {
                var parts = entry.Split('=');
                if (parts.Length != 2 || !int.TryParse(parts[1].Trim(), out var at) || IndexOf(parts[0].Trim()) is not int target)
                    throw new GradioException(GradioErrorKind.InvalidArguments, $"-ApiResultMap entry '{entry}' is not Name=Index with a parameter name of {endpoint.ApiName} ({endpoint.Signature}).");
                if (at < 0 || at >= items.Length)
                    throw new GradioException(GradioErrorKind.InvalidArguments, $"-ApiResultMap entry '{entry}': the upstream result has {items.Length} value(s).");
                values[target] = items[at];
            }
        }
        return values.ToDictionary(kv => kv.Key, kv => endpoint.Parameters[kv.Key].IsFile ? SessionFiles.Prepare(this, app, kv.Value) : PSJson.FromPS(kv.Value));
    }

    /// <summary>What -DebugData shows: the inputs exactly as they would be sent, and no secret.</summary>
    Hashtable DebugData(GradioSession session, PreparedCall prepared, CallControls controls)
    {
        var bound = new Hashtable(StringComparer.OrdinalIgnoreCase);
        if (BoundParameters != null)
            foreach (DictionaryEntry kv in BoundParameters)
                bound[kv.Key] = string.Equals(kv.Key.ToString(), nameof(CallControls.ApiToken), StringComparison.OrdinalIgnoreCase) && kv.Value != null ? Masked : kv.Value;
        return new Hashtable
        {
            ["Session"] = session,
            ["ApiName"] = prepared.Endpoint.ApiName,
            ["Inputs"] = prepared.Inputs.Select(n => PSJson.ToPS(n)).ToArray(),
            ["BoundParameters"] = bound,
            ["PipeObj"] = controls.PipeObj,
        };
    }

    static object[] Chain(object? upstream)
    {
        if (upstream == null) return Array.Empty<object>();
        var earlier = (upstream is PSObject p ? p.BaseObject : upstream) is GradioApiEventResult r && r.Pipeline != null ? r.Pipeline : Array.Empty<object>();
        return earlier.Concat(new[] { upstream }).ToArray();
    }
}
