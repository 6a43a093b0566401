using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Wait-HuggingFaceSpace (alias Wait-HfSpace): waits until a Space runs, with a progress bar:
/// through BUILDING and APP_STARTING, waking a sleeping Space unless -NoStart; fails at once,
/// naming the stage, on an error stage or PAUSED. True when running, false when the time ran out.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "HuggingFaceSpace")]
[Alias("Wait-HfSpace")]
[OutputType(typeof(bool))]
public sealed class WaitHuggingFaceSpaceCommand : SpaceCmdlet
{
    /// <summary>Seconds to wait at most (alias -Timeout, the earlier name).</summary>
    [Parameter(Position = 1)]
    [Alias("Timeout")]
    [ValidateRange(1, 86400)]
    public override int TimeoutSec { get; set; } = 300;

    protected override TimeSpan RequestTimeout => DefaultRequestTimeout;

    /// <summary>Accepted for PowershAI scripts; the wait polls every 2 s.</summary>
    [Parameter]
    public int? SleepTime { get; set; }

    /// <summary>Do not wake a sleeping Space (it fails instead).</summary>
    [Parameter]
    public SwitchParameter NoStart { get; set; }

    /// <summary>No progress bar.</summary>
    [Parameter]
    public SwitchParameter NoStatus { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
        WriteObject(WaitRunning(hub, id, TimeSpan.FromSeconds(TimeoutSec), wake: !NoStart, showProgress: !NoStatus)));
}
