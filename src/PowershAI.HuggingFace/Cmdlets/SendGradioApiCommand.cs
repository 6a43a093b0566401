using System.Linq;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Send-GradioApi: starts a call and returns its handle; Update-GradioApiResult reads the
/// results, Stop-GradioApi cancels it. With -AsJob it returns a job reading them in the background.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "GradioApi")]
[OutputType(typeof(GradioApiEvent), typeof(GradioCallJob))]
public sealed class SendGradioApiCommand : GradioCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Url")]
    public string AppUrl { get; set; } = "";

    /// <summary>The endpoint, with or without the leading slash ("Op1" or "/Op1").</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string ApiName { get; set; } = "";

    /// <summary>The inputs in /info order, or one hashtable keyed by parameter name. Local files (Get-Item) are uploaded.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [AllowNull, AllowEmptyCollection]
    public object?[]? Params { get; set; }

    /// <summary>A session hash, so gr.State carries over between calls that share it.</summary>
    [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
    public string? SessionHash { get; set; }

    /// <summary>Attach to a call submitted before, instead of submitting a new one.</summary>
    [Parameter(Position = 4)]
    public string? EventId { get; set; }

    /// <summary>A bearer token sent to this app only.</summary>
    [Parameter(Position = 5)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>Auto uses the app's queue where it has one (progress, logs and gr.Error text); Call forces /call; Run the synchronous route.</summary>
    [Parameter]
    public GradioProtocol Protocol { get; set; } = GradioProtocol.Auto;

    /// <summary>Return a job that reads the results in the background (what Update-GradioApiResult writes) instead of the handle.</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    protected override object? ErrorTarget => ApiName;

    protected override void Process()
    {
        var client = ClientFor(AppUrl, Token);
        var arguments = (Params ?? System.Array.Empty<object?>()).Select(p => PSJson.FromPS(p)).ToList();
        var job = Await(ct => EventId is { Length: > 0 }
            ? GradioCaller.AttachAsync(client, ApiName, EventId!, SessionHash, Protocol, ct)
            : GradioCaller.SubmitAsync(client, ApiName, e => ParamsArgument.Bind(e, arguments), new CallOptions
            {
                Protocol = Protocol,
                SessionHash = SessionHash,
                UploadProgress = ProgressTo<TransferProgress>(WriteUploadProgress),
            }, ct));
        CompleteUploadProgress();
        var handle = new GradioApiEvent(job, client.Root.AbsoluteUri);
        WriteObject(AsJob ? GradioCallJob.Start(this, handle, (output, ct) => new ResultReader().ReadAsync(handle, output, ct)) : handle);
    }

    const int UploadActivity = 1;
    bool _uploading;

    void WriteUploadProgress(TransferProgress p)
    {
        _uploading = true;
        WriteProgress(Progress.Transfer(UploadActivity, "Uploading to " + ApiName, p));
    }

    void CompleteUploadProgress()
    {
        if (_uploading) WriteProgress(Progress.Completed(UploadActivity, "Uploading to " + ApiName));
    }
}
