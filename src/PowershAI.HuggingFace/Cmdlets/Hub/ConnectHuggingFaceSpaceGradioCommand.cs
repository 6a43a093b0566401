using System.Management.Automation;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>Connect-HuggingFaceSpaceGradio (alias Connect-HfSpaceGradio): opens (or returns) the Gradio session of a Space.</summary>
[Cmdlet(VerbsCommunications.Connect, "HuggingFaceSpaceGradio")]
[Alias("Connect-HfSpaceGradio")]
[OutputType(typeof(GradioSession))]
public sealed class ConnectHuggingFaceSpaceGradioCommand : SpaceCmdlet
{
    /// <summary>Where the Gradio app answers: a path under the Space's host, or a whole URL that replaces it.</summary>
    [Parameter(Position = 1)]
    public string? ServerRoot { get; set; }

    /// <summary>Open a new session even if one is open.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        var info = Await(ct => hub.GetRepoAsync(HubRepoType.Space, id, ct: ct));
        if (info != null) WriteObject(SpaceConnector.Connect(this, hub, info, ServerRoot, Force));
    });
}
