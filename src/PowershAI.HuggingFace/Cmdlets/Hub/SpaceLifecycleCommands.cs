using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Start-HuggingFaceSpace (alias Start-HfSpace): wakes a sleeping Space and returns, as PowershAI's
/// does; -Wait waits until it runs; -PassThru writes the Space (with its Gradio session once running),
/// as Restart-HuggingFaceSpace does.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[Alias("Start-HfSpace")]
[OutputType(HubObjects.SpaceType)]
public sealed class StartHuggingFaceSpaceCommand : SpaceCmdlet
{
    /// <summary>With -Wait: seconds to wait for the Space to run (alias -Timeout, the earlier name).</summary>
    [Parameter(Position = 1)]
    [Alias("Timeout")]
    [ValidateRange(1, 86400)]
    public override int TimeoutSec { get; set; } = 300;

    protected override TimeSpan RequestTimeout => DefaultRequestTimeout;

    /// <summary>Wait until the Space runs (a warning when the time runs out).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Write the Space object (after the wait, with -Wait).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, Wait ? "Wake the Space and wait until it runs" : "Wake the Space")) return;
        var running = Wait
            ? WaitRunning(hub, id, TimeSpan.FromSeconds(TimeoutSec), wake: true)
            : Await(ct => hub.StartSpaceAsync(id, ct)).Stage == SpaceStages.Running;
        if (PassThru) WriteSpace(hub, id, connect: running);
    });
}

/// <summary>
/// Restart-HuggingFaceSpace (alias Restart-HfSpace): restarts a Space (also a paused one); -Wait
/// waits until it runs again; -PassThru writes the Space (with its Gradio session once running).
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Restart-HfSpace")]
[OutputType(HubObjects.SpaceType)]
public sealed class RestartHuggingFaceSpaceCommand : SpaceCmdlet
{
    /// <summary>Rebuild from scratch (a factory reboot).</summary>
    [Parameter]
    public SwitchParameter Factory { get; set; }

    /// <summary>Wait until the Space runs again (a warning when the time runs out).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Write the Space object after the restart (after the wait, with -Wait).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>With -Wait: seconds to wait for the Space to run again (alias -Timeout, the earlier name).</summary>
    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, 86400)]
    public override int TimeoutSec { get; set; } = 600;

    protected override TimeSpan RequestTimeout => DefaultRequestTimeout;

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, Factory ? "Factory-rebuild and restart the Space" : "Restart the Space")) return;
        Await(ct => hub.RestartSpaceAsync(id, Factory, ct));
        var running = Wait && WaitRunning(hub, id, TimeSpan.FromSeconds(TimeoutSec), wake: false);
        if (PassThru) WriteSpace(hub, id, connect: running);
    });
}

/// <summary>Suspend-HuggingFaceSpace (alias Suspend-HfSpace): pauses a Space (it stays PAUSED until Restart-HuggingFaceSpace); -PassThru writes the Space.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Suspend-HfSpace")]
[OutputType(HubObjects.SpaceType)]
public sealed class SuspendHuggingFaceSpaceCommand : SpaceCmdlet
{
    /// <summary>Write the Space object once paused.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, "Pause the Space")) return;
        Await(ct => hub.PauseSpaceAsync(id, ct));
        if (PassThru) WriteSpace(hub, id, connect: false);
    });
}
