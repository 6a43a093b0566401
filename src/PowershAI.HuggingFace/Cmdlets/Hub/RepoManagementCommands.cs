using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>What creating and deleting a repo share: the id, its type and the token.</summary>
public abstract class RepoManagementCmdlet : HubCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "RepoId")]
    public string Repo { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public HubRepoType RepoType { get; set; } = HubRepoType.Model;

    /// <summary>A write token for this call (string or SecureString); else the discovered one.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Repo;

    private protected string Target => $"{RepoType} {Repo}";
}

/// <summary>New-HuggingFaceRepo (alias New-HfRepo): creates a model, dataset or Space repo.</summary>
[Cmdlet(VerbsCommon.New, "HuggingFaceRepo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("New-HfRepo")]
[OutputType(typeof(PSObject))]
public sealed class NewHuggingFaceRepoCommand : RepoManagementCmdlet
{
    [Parameter] public SwitchParameter Private { get; set; }

    /// <summary>The SDK of a new Space.</summary>
    [Parameter]
    [ValidateSet("gradio", "docker", "static", "streamlit")]
    public string? SpaceSdk { get; set; }

    protected override void Process()
    {
        if (!ShouldProcess(Target, "Create")) return;
        var created = Await(ct => Hub(Token).CreateRepoAsync(RepoType, Repo, Private, SpaceSdk, ct));
        var view = PSObject.AsPSObject(PSJson.ToPS(created) ?? new PSObject());
        // Repo and RepoType bind by name to Remove-HuggingFaceRepo; the Hub's own "id" is an internal id, not the repo's.
        view.Properties.Add(new PSNoteProperty("Repo", created?["name"]?.ToString() ?? Repo));
        view.Properties.Add(new PSNoteProperty("RepoType", RepoType));
        WriteObject(view);
    }
}

/// <summary>Remove-HuggingFaceRepo (alias Remove-HfRepo): deletes a repo, after confirmation.</summary>
[Cmdlet(VerbsCommon.Remove, "HuggingFaceRepo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[Alias("Remove-HfRepo")]
public sealed class RemoveHuggingFaceRepoCommand : RepoManagementCmdlet
{
    protected override void Process()
    {
        if (!ShouldProcess(Target, "Delete")) return;
        Await(ct => Hub(Token).DeleteRepoAsync(RepoType, Repo, ct));
    }
}
