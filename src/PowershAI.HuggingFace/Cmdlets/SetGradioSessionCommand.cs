using System.Management.Automation;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Set-GradioSession: makes a session the default ("."), and sets its call limit and download folder.</summary>
[Cmdlet(VerbsCommon.Set, "GradioSession", SupportsShouldProcess = true)]
[OutputType(typeof(GradioSession))]
public sealed class SetGradioSessionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    /// <summary>Make this the default session, used wherever -Session is left out.</summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    [Parameter(Position = 1)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxCalls { get; set; }

    /// <summary>What a call past MaxCalls does: error (fails), warning (default: drops the oldest call, warning once) or remove (drops it silently).</summary>
    [Parameter(Position = 2)]
    [ValidateSet("error", "warning", "remove", IgnoreCase = true)]
    public string? MaxCallsPolicy { get; set; }

    [Parameter]
    public string? DownloadPath { get; set; }

    /// <summary>Write the session to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachItem(new[] { Session }, s => s, value =>
    {
        var session = SessionStore.Resolve(value);
        if (!ShouldProcess(session.Name, "Change the Gradio session")) return;
        if (Default) SessionStore.SetDefault(session);
        if (MaxCalls is int max) session.MaxCalls = max;
        if (MaxCallsPolicy != null) session.MaxCallsPolicy = MaxCallsPolicy.ToLowerInvariant();
        if (DownloadPath != null) session.DownloadPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DownloadPath);
        if (PassThru) WriteObject(session);
    });
}
