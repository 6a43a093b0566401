using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>Start-HuggingFaceSpace: wakes a sleeping Space and waits until it runs (-PassThru: the Space, with its Gradio session).</summary>
[Cmdlet(VerbsLifecycle.Start, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(HubObjects.SpaceType)]
public sealed class StartHuggingFaceSpaceCommand : SpaceCmdlet
{
    [Parameter(Position = 1)]
    [ValidateRange(1, 86400)]
    public int Timeout { get; set; } = 300;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, "Wake the Space and wait until it runs")) return;
        if (!WaitRunning(hub, id, TimeSpan.FromSeconds(Timeout), wake: true) || !PassThru) return;
        var info = Await(ct => hub.GetRepoAsync(HubRepoType.Space, id, ct: ct));
        if (info != null) WriteObject(HubObjects.Space(info, SpaceConnector.TryConnect(this, hub, info, null)));
    });
}

/// <summary>Restart-HuggingFaceSpace: restarts a Space (also a paused one); -Wait waits until it runs again.</summary>
[Cmdlet(VerbsLifecycle.Restart, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(bool))]
public sealed class RestartHuggingFaceSpaceCommand : SpaceCmdlet
{
    /// <summary>Rebuild from scratch (a factory reboot).</summary>
    [Parameter]
    public SwitchParameter Factory { get; set; }

    /// <summary>Wait until the Space runs again, and say whether it did.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, 86400)]
    public int Timeout { get; set; } = 600;

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, Factory ? "Factory-rebuild and restart the Space" : "Restart the Space")) return;
        Await(ct => hub.RestartSpaceAsync(id, Factory, ct));
        if (Wait) WriteObject(WaitRunning(hub, id, TimeSpan.FromSeconds(Timeout), wake: false));
    });
}

/// <summary>Suspend-HuggingFaceSpace: pauses a Space (it stays PAUSED until Restart-HuggingFaceSpace).</summary>
[Cmdlet(VerbsLifecycle.Suspend, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(string))]
public sealed class SuspendHuggingFaceSpaceCommand : SpaceCmdlet
{
    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, "Pause the Space")) return;
        WriteObject(Await(ct => hub.PauseSpaceAsync(id, ct)).Stage);
    });
}
