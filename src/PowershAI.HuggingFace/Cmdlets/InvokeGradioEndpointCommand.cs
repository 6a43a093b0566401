using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Invoke-GradioEndpoint: calls an endpoint of a session with values by parameter name, uploads
/// file inputs, streams the results and downloads file outputs. Generated functions forward
/// their bound parameters here, so all their behaviour lives in this cmdlet.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GradioEndpoint")]
[OutputType(typeof(GradioApiEventResult), typeof(SessionApiEvent))]
public sealed class InvokeGradioEndpointCommand : GradioCmdlet
{
    const int UploadActivity = 6;
    const int DownloadActivity = 7;

    [Parameter(Position = 0, Mandatory = true)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string ApiName { get; set; } = "";

    /// <summary>The values by parameter name (a hashtable); generated functions pass $PSBoundParameters.</summary>
    [Parameter(Position = 1)]
    [Alias("Parameters")]
    public IDictionary? BoundParameters { get; set; }

    [Parameter(Position = 2)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    /// <summary>The session a generated function was made for (preferred over -Session when it still exists).</summary>
    [Parameter]
    public Guid? SessionId { get; set; }

    /// <summary>Generated functions: their parameter names to the endpoint's parameter positions.</summary>
    [Parameter]
    public IDictionary? ParameterMap { get; set; }

    [Parameter]
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    protected override object? ErrorTarget => ApiName;

    protected override void Process()
    {
        var session = (SessionId is Guid id ? SessionStore.ById(id) : null) ?? ResolveSession();
        var endpoint = session.App.FindEndpoint(ApiName);
        var bound = Bound();
        var upstream = bound.TryGetValue("PipeObj", out var pipe) ? pipe : null;
        var values = Values(endpoint, bound, upstream);
        var token = bound.TryGetValue("ApiToken", out var t) ? t : null;
        var client = SessionCalls.ClientFor(this, session, Secrets.ToSecure(token), TimeoutSec, Credential);

        var uploads = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(UploadActivity, "Uploading to " + session.Name, p)));
        var arguments = Await(async ct =>
        {
            foreach (var p in endpoint.Parameters.Where(p => p.IsFile && values.ContainsKey(p.Index) && values[p.Index] != null))
            {
                var files = await SessionFiles.ToFileDataAsync(session, client, ResolveFiles(values[p.Index]), uploads, ct).ConfigureAwait(false);
                values[p.Index] = files.Count == 1 && !IsList(values[p.Index]) ? files[0] : new JsonArray(files.Cast<JsonNode?>().ToArray());
            }
            return endpoint.OrderByIndex(values);
        });
        WriteProgress(Progress.Completed(UploadActivity, "Uploading to " + session.Name));

        if (Switch(bound, "DebugData"))
        {
            WriteObject(new Hashtable
            {
                ["Session"] = session, ["ApiName"] = endpoint.ApiName, ["Inputs"] = arguments.Select(a => a is JsonNode n ? PSJson.ToPS(n) : a).ToArray(),
                ["BoundParameters"] = BoundParameters, ["PipeObj"] = upstream,
            });
            return;
        }

        var job = Await(ct => GradioCaller.SubmitAsync(client, endpoint.ApiName, arguments, new CallOptions { Protocol = Protocol, SessionHash = session.SessionHash }, ct));
        var call = SessionCalls.Record(this, session, job);
        if (Switch(bound, "Manual"))
        {
            WriteObject(call);
            return;
        }
        var chain = Chain(upstream);
        var folder = bound.TryGetValue("OutputDirectory", out var dir) && dir != null
            ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(dir.ToString())
            : session.DownloadPath;
        new ResultReader
        {
            SkipHeartbeats = true,
            MapData = Switch(bound, "NoDownload") ? null : e => Download(client, session, e, folder),
            Decorate = r => r.Pipeline = chain,
        }.Read(this, call.ApiEvent);
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

    Dictionary<string, object?> Bound()
    {
        var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (BoundParameters != null)
            foreach (DictionaryEntry kv in BoundParameters) d[kv.Key.ToString()!] = kv.Value;
        return d;
    }

    /// <summary>Values by endpoint parameter index: from the bound parameters, then from the upstream result through -ApiResultMap.</summary>
    Dictionary<int, object?> Values(EndpointInfo endpoint, Dictionary<string, object?> bound, object? upstream)
    {
        var values = new Dictionary<int, object?>();
        int? IndexOf(string name)
        {
            if (ParameterMap != null)
                foreach (DictionaryEntry kv in ParameterMap)
                    if (string.Equals(kv.Key.ToString(), name, StringComparison.OrdinalIgnoreCase)) return Convert.ToInt32(kv.Value, System.Globalization.CultureInfo.InvariantCulture);
            return ParameterMap == null ? endpoint.FindParameter(name)?.Index : null;
        }
        foreach (var kv in bound)
            if (IndexOf(kv.Key) is int i) values[i] = kv.Value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : kv.Value;

        if (upstream != null && bound.TryGetValue("ApiResultMap", out var mapValue) && mapValue is IEnumerable maps)
        {
            var data = (upstream is PSObject p ? p.BaseObject : upstream) is GradioApiEventResult r ? r.Data : (upstream as PSObject)?.Properties["data"]?.Value;
            var items = data is object[] arr ? arr : new[] { data };
            foreach (var entry in maps.Cast<object>().Select(m => m.ToString() ?? ""))
            {
                var parts = entry.Split('=');
                if (parts.Length != 2 || !int.TryParse(parts[1].Trim(), out var at) || IndexOf(parts[0].Trim()) is not int target)
                    throw new GradioException(GradioErrorKind.InvalidArguments, $"-ApiResultMap entry '{entry}' is not Name=Index with a parameter name of {endpoint.ApiName} ({endpoint.Signature}).");
                if (at < 0 || at >= items.Length)
                    throw new GradioException(GradioErrorKind.InvalidArguments, $"-ApiResultMap entry '{entry}': the upstream result has {items.Length} value(s).");
                values[target] = items[at] is System.IO.FileInfo f ? f : items[at];
            }
        }
        return values.ToDictionary(kv => kv.Key, kv => PSJson.FromPS(kv.Value));
    }

    List<object?> ResolveFiles(object? value) => SessionFiles.Items(value).Select(v => SessionFiles.Resolve(this, v)).ToList();

    static bool IsList(object? value) => value is IList && value is not IDictionary;

    object? Download(GradioClient client, GradioSession session, GradioEvent e, string folder)
    {
        if (e.Kind != GradioEventKind.Complete || e.Data == null || !FileData.FindAll(e.Data).Any()) return PSJson.ToPS(e.Data);
        var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(DownloadActivity, "Downloading from " + session.Name, p)));
        var saved = new Dictionary<JsonObject, System.IO.FileInfo>();
        Await(async ct =>
        {
            foreach (var file in FileData.FindAll(e.Data))
                saved[file] = await GradioFiles.DownloadAsync(client, session.App, file, folder, progress, ct).ConfigureAwait(false);
        });
        WriteProgress(Progress.Completed(DownloadActivity, "Downloading from " + session.Name));
        return PSJson.ToPS(e.Data, o => saved.TryGetValue(o, out var f) ? f : null);
    }

    static object[] Chain(object? upstream)
    {
        if (upstream == null) return Array.Empty<object>();
        var earlier = (upstream is PSObject p ? p.BaseObject : upstream) is GradioApiEventResult r && r.Pipeline != null ? r.Pipeline : Array.Empty<object>();
        return earlier.Concat(new[] { upstream }).ToArray();
    }

    static bool Switch(Dictionary<string, object?> bound, string name) =>
        bound.TryGetValue(name, out var v) && LanguagePrimitives.IsTrue(v is SwitchParameter s ? s.IsPresent : v);
}
