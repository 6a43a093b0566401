using System.Linq;
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
[Cmdlet(VerbsLifecycle.Invoke, "GradioSessionApi")]
[OutputType(typeof(SessionApiEvent), typeof(GradioCallJob))]
public sealed class InvokeGradioSessionApiCommand : GradioCmdlet
{
    [Parameter(Position = 0, Mandatory = true)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string ApiName { get; set; } = "";

    /// <summary>The inputs in /info order, or a hashtable keyed by parameter name (the rest take their defaults).</summary>
    [Parameter(Position = 1)]
    [AllowNull, AllowEmptyCollection]
    public object?[]? Params { get; set; }

    /// <summary>Attach to a call made before instead of making a new one.</summary>
    [Parameter(Position = 2)]
    public string? EventId { get; set; }

    [Parameter(Position = 3, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

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

    protected override object? ErrorTarget => ApiName;

    protected override void Process()
    {
        var session = SessionStore.Resolve(Session);
        var client = SessionCalls.ClientFor(this, session, Token, TimeoutSec, Credential);
        var arguments = (Params ?? System.Array.Empty<object?>()).Select(p => PSJson.FromPS(p)).ToList();
        var job = Await(ct => EventId is { Length: > 0 }
            ? GradioCaller.AttachAsync(client, ApiName, EventId!, session.SessionHash, Protocol, ct)
            : GradioCaller.SubmitAsync(client, ApiName, e => ParamsArgument.Bind(e, arguments), new CallOptions { Protocol = Protocol, SessionHash = session.SessionHash, Uploads = session.Uploads }, ct));
        var call = SessionCalls.Record(this, session, job);
        if (!AsJob && !Result)
        {
            WriteObject(call);
            return;
        }
        var reader = new ResultReader
        {
            ResultOnly = Result,
            MapData = Result ? (e, output, ct) => CallFiles.DownloadAsync(client, session, e, session.DownloadPath, output, ct) : null,
        };
        if (AsJob) WriteObject(GradioCallJob.Start(this, call.ApiEvent, (output, ct) => reader.ReadAsync(call.ApiEvent, output, ct)));
        else reader.Read(this, call.ApiEvent);
    }
}
