using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Stop-GradioApi: cancels a call on the server (/cancel, as gradio_client's Job.cancel) from
/// its handle: what Send-GradioApi returns, or a session's call (Invoke-GradioSessionApi,
/// -Manual). The handle's status becomes "cancelled"; a later read ends at once.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "GradioApi", SupportsShouldProcess = true)]
[OutputType(typeof(GradioApiEvent))]
public sealed class StopGradioApiCommand : AsyncCmdlet
{
    /// <summary>A GradioApiEvent (Send-GradioApi) or a SessionApiEvent (Invoke-GradioSessionApi, -Manual).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    public object ApiEvent { get; set; } = null!;

    /// <summary>Write the handle after cancelling it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var handle = (ApiEvent is PSObject ps ? ps.BaseObject : ApiEvent) switch
        {
            GradioApiEvent e => e,
            SessionApiEvent s => s.ApiEvent,
            var other => throw new GradioException(GradioErrorKind.InvalidArguments,
                $"-ApiEvent takes what Send-GradioApi or Invoke-GradioSessionApi returned, not {other?.GetType().Name ?? "null"}.", target: other?.ToString()),
        };
        if (!handle.Job.Finished && ShouldProcess($"{handle.ApiName} {handle.EventId}", "Cancel the call on the server"))
        {
            Await(_ => handle.Job.CancelAsync());
            if (handle.LastQueryStatus != "complete" && handle.LastQueryStatus != "error") handle.Cancelled();
        }
        if (PassThru) WriteObject(handle);
    }
}
