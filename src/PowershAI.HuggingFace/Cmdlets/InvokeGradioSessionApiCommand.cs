using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Invoke-GradioSessionApi: starts a call in a session (its session hash keeps gr.State) and
/// returns the call; read its results with Update-GradioSessionApiResult. -Result waits and
/// returns the final outputs; -AsJob returns a job reading the results in the background.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GradioSessionApi", DefaultParameterSetName = SessionSet)]
[OutputType(typeof(SessionApiEvent), typeof(GradioCallJob))]
public sealed class InvokeGradioSessionApiCommand : GradioCmdlet
{
    const string SessionSet = "Session";
    const string ItemSet = "Item";

    [Parameter(Position = 0, Mandatory = true)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string ApiName { get; set; } = "";

    /// <summary>The inputs in /info order, or a hashtable keyed by parameter name (the rest take their defaults). With pipeline input, a script block among them is evaluated per item with $_ set to it.</summary>
    [Parameter(Position = 1)]
    [AllowNull, AllowEmptyCollection]
    public object?[]? Params { get; set; }

    /// <summary>Attach to a call made before instead of making a new one.</summary>
    [Parameter(Position = 2)]
    public string? EventId { get; set; }

    [Parameter(Position = 3, ValueFromPipeline = true, ParameterSetName = SessionSet)]
    [Parameter(Position = 3, ParameterSetName = ItemSet)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    /// <summary>One call per piped item, its inputs made by the script blocks of -Params (with -Session given by name).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ItemSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>A bearer token for this call only.</summary>
    [Parameter(Position = 4)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    [Parameter]
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    /// <summary>Return a job that reads the results in the background (what Update-GradioSessionApiResult writes, or the final outputs with -Result).</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <summary>Wait for the call and return only its final outputs, unwrapped (one output as its value, several as one object keyed by output label); file outputs are downloaded to the session's download folder.</summary>
    [Parameter]
    public SwitchParameter Result { get; set; }

    /// <summary>With pipeline input: keep up to this many calls (with -Result, whole calls; without, submissions) in flight at once.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>With -ThrottleLimit: write each call's output as it comes instead of in input order.</summary>
    [Parameter]
    public SwitchParameter Unordered { get; set; }

    protected override object? ErrorTarget => ApiName;

    protected override void Process()
    {
        var session = SessionStore.Resolve(Session);
        var client = SessionCalls.ClientFor(this, session, Token, TimeoutSec, Credential);
        var item = InputObject ?? (MyInvocation.ExpectingInput ? PSObject.AsPSObject(Session) : null);
        var arguments = PerItem(Params ?? System.Array.Empty<object?>(), item).Select(p => PSJson.FromPS(p)).ToList();
        Task<GradioJob> SubmitAsync(CancellationToken ct) => EventId is { Length: > 0 }
            ? GradioCaller.AttachAsync(client, ApiName, EventId!, session.SessionHash, Protocol, ct)
            : GradioCaller.SubmitAsync(client, ApiName, e => ParamsArgument.Bind(e, arguments), new CallOptions { Protocol = Protocol, SessionHash = session.SessionHash, Uploads = session.Uploads }, ct);
        ResultReader Reader() => new()
        {
            ResultOnly = Result,
            MapData = Result ? (e, output, ct) => CallFiles.DownloadAsync(client, session, e, session.DownloadPath, output, ct) : null,
        };
        if (ThrottleLimit > 1 && !AsJob)
        {
            var limit = SessionCalls.BatchLimit(session, Protocol, ThrottleLimit, out var warning);
            StartInBatch(limit, !Unordered, "Calling " + ApiName, ApiName, async (output, ct) =>
            {
                var handle = new SessionApiEvent(session, new GradioApiEvent(await SubmitAsync(ct).ConfigureAwait(false), session.AppUrl));
                if (session.Record(handle) is { } warning) output.Warning(warning);
                if (Result) await Reader().ReadAsync(handle.ApiEvent, output, ct).ConfigureAwait(false);
                else output.Result(handle);
            }, warning);
            return;
        }
        var job = Await(SubmitAsync);
        var call = SessionCalls.Record(this, session, job);
        if (!AsJob && !Result)
        {
            WriteObject(call);
            return;
        }
        var reader = Reader();
        if (AsJob) WriteObject(GradioCallJob.Start(this, call.ApiEvent, (output, ct) => reader.ReadAsync(call.ApiEvent, output, ct)));
        else reader.Read(this, call.ApiEvent);
    }

    protected override void End() => FinishBatch();

    /// <summary>
    /// The inputs for one pipeline item: a script block among them is evaluated with $_ set to
    /// the item (its output is that input; a single script block gives all the inputs).
    /// </summary>
    static IEnumerable<object?> PerItem(object?[] inputs, PSObject? item)
    {
        if (item == null) return inputs;
        static ScriptBlock? Script(object? value) => (value is PSObject p ? p.BaseObject : value) as ScriptBlock;
        object?[] Run(ScriptBlock script) => script.InvokeWithContext(null, new List<PSVariable> { new("_", item) }).Cast<object?>().ToArray();
        if (inputs.Length == 1 && Script(inputs[0]) is { } all) return Run(all);
        static object? One(object?[] values) => values.Length == 1 ? values[0] : values;
        return inputs.Select(v => Script(v) is { } one ? One(Run(one)) : v);
    }
}
