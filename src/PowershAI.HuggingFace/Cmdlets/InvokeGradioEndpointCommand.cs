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

    /// <summary>The values by parameter name (a hashtable), and the control entries; generated functions pass $PSBoundParameters, one per pipeline item. A name the endpoint does not have is an error.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true)]
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

    /// <summary>Generated functions: the function itself ($PSCmdlet), which reports a failed item as its own error.</summary>
    [Parameter]
    public PSCmdlet? Caller { get; set; }

    [Parameter]
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    protected override object? ErrorTarget => ApiName;

    protected override bool ManyItems => Caller?.MyInvocation.ExpectingInput ?? MyInvocation.ExpectingInput;

    protected override void WriteItemError(ErrorRecord record)
    {
        if (Caller != null) Caller.WriteError(record);
        else WriteError(record);
    }

    protected override void Process()
    {
        // A generated function's piped items follow the failure policy item by item; its own
        // caller decides whether there are several (this cmdlet always gets them piped).
        if (Caller != null) ForEachItem(new[] { ApiName }, a => a, _ => Call());
        else Call();
    }

    protected override void End() => FinishBatch();

    void Call()
    {
        var session = (SessionId is Guid id ? SessionStore.ById(id) : null) ?? ResolveSession();
        var controls = CallControls.Read(BoundParameters, out var inputs);
        // A generated function's -Protocol comes with its other parameters; this cmdlet's own otherwise.
        var protocol = controls.Protocol ?? Protocol;
        var endpoint = session.App.FindEndpoint(ApiName);
        var arguments = endpoint.Bind(Values(session.App, endpoint, inputs, controls));
        var client = SessionCalls.ClientFor(this, session, Secrets.ToSecure(controls.ApiToken), TimeoutSec, Credential);
        // Resolved here, on the pipeline thread: PowerShell paths need the session state.
        var to = new CallTarget(client, session, endpoint, Chain(controls.PipeObj), controls.OutputDirectory != null
            ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(controls.OutputDirectory)
            : session.DownloadPath);
        if (controls.ThrottleLimit > 1 && !controls.AsJob && !controls.DebugData)
        {
            var limit = SessionCalls.BatchLimit(session, protocol, controls.ThrottleLimit, out var warning);
            StartInBatch(limit, !controls.Unordered, "Calling " + endpoint.ApiName, endpoint.ApiName, async (output, ct) =>
            {
                using var batchDeadline = Deadline(controls);
                var options = new CallOptions { Protocol = protocol, SessionHash = session.SessionHash, Uploads = session.Uploads };
                var prepared = await batchDeadline.RunAsync(endpoint.ApiName, t => GradioCaller.PrepareAsync(client, session.App, arguments, options, t), ct).ConfigureAwait(false);
                var sent = await batchDeadline.RunAsync(endpoint.ApiName, t => GradioCaller.SendAsync(client, prepared, t), ct).ConfigureAwait(false);
                var handle = new SessionApiEvent(session, new GradioApiEvent(sent, session.AppUrl));
                if (session.Record(handle) is { } warning) output.Warning(warning);
                if (controls.Manual) output.Result(handle);
                else await ReadAsync(to, handle, controls, batchDeadline, output, ct).ConfigureAwait(false);
            }, warning);
            return;
        }
        // With -AsJob the deadline goes on bounding the call in the job, which then disposes it.
        var deadline = Deadline(controls);
        var handedOff = false;
        try
        {
            var options = new CallOptions
            {
                Protocol = protocol,
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
            Task Read(ICallOutput output, CancellationToken ct) => ReadAsync(to, call, controls, deadline, output, ct);
            if (controls.AsJob)
            {
                WriteObject(GradioCallJob.Start(this, call.ApiEvent, Read, deadline));
                handedOff = true;
                return;
            }
            Await(ct => Read(Output, ct));
        }
        finally
        {
            if (!handedOff) deadline.Dispose();
        }
    }

    /// <summary>Where one call goes and where its results go.</summary>
    sealed class CallTarget
    {
        public CallTarget(GradioClient client, GradioSession session, EndpointInfo endpoint, object[] chain, string folder)
        {
            Client = client;
            Session = session;
            Endpoint = endpoint;
            Chain = chain;
            Folder = folder;
        }

        public GradioClient Client { get; }
        public GradioSession Session { get; }
        public EndpointInfo Endpoint { get; }
        public object[] Chain { get; }
        public string Folder { get; }
    }

    static CallDeadline Deadline(CallControls controls) => new(controls.MaxDurationSec is int limit ? TimeSpan.FromSeconds(limit) : null);

    /// <summary>Reads a call's results (downloading file outputs) to <paramref name="output"/>: the cmdlet's streams, a job's, or a batch item's.</summary>
    static async Task ReadAsync(CallTarget to, SessionApiEvent call, CallControls controls, CallDeadline deadline, ICallOutput output, CancellationToken ct)
    {
        var (client, session, endpoint) = (to.Client, to.Session, to.Endpoint);
        var reader = new ResultReader
        {
            SkipHeartbeats = true,
            ResultOnly = controls.Result,
            MaxHeartBeats = controls.MaxHeartBeats,
            MapData = controls.NoDownload ? null : (e, o, t) => deadline.RunAsync(endpoint.ApiName, x => CallFiles.DownloadAsync(client, session, e, to.Folder, o, x), t),
            Decorate = r => r.Pipeline = to.Chain,
        };
        using (deadline.CancelOnExpiry(call.ApiEvent.Job))
            await reader.ReadAsync(call.ApiEvent, output, ct).ConfigureAwait(false);
        if (deadline.Expired && call.Status == "cancelled") throw deadline.Failure(endpoint.ApiName, jobCancelled: true);
        if (call.ApiEvent.LastQueryStatus == "HeartBeatExpired")
            throw new GradioException(GradioErrorKind.Timeout,
                $"{endpoint.ApiName}: no result after {controls.MaxHeartBeats} heartbeat(s) in a row. The call goes on in session '{session.Name}': " +
                $"Update-GradioSessionApiResult -Id {call.Id} -Session '{session.Name}' reads it.", target: endpoint.ApiName);
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
            if (IndexOf(kv.Key) is int i) values[i] = PerItem(kv.Value, controls.PipeObj);
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

    /// <summary>
    /// A script block given for an input of type object, with pipeline input, is evaluated for
    /// each item with $_ set to it, as PowerShell does for typed parameters (delay-bind).
    /// </summary>
    static object? PerItem(object? value, object? item)
    {
        if (item == null || (value is PSObject p ? p.BaseObject : value) is not ScriptBlock script) return value;
        var results = script.InvokeWithContext(null, new List<PSVariable> { new("_", item) });
        return results.Count == 1 ? results[0] : results.ToArray();
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
