using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>Get-HuggingFaceRepoFile (alias Get-HfRepoFile): the files of a repo at a revision, from its tree.</summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceRepoFile")]
[Alias("Get-HfRepoFile")]
[OutputType(typeof(RepoFileItem))]
public sealed class GetHuggingFaceRepoFileCommand : HubCmdlet
{
    /// <summary>The repo id (owner/name); objects with an id (Get-HuggingFaceModel's) bind by name.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "RepoId")]
    public string Repo { get; set; } = "";

    /// <summary>A folder in the repo; the root when left out.</summary>
    [Parameter(Position = 1)]
    public string? Path { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public HubRepoType RepoType { get; set; } = HubRepoType.Model;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Revision { get; set; } = "main";

    /// <summary>Every file below the folder (files only), instead of its files and folders.</summary>
    [Parameter] public SwitchParameter Recurse { get; set; }

    [Parameter] public string[]? Include { get; set; }

    [Parameter] public string[]? Exclude { get; set; }

    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Repo;

    protected override void Process()
    {
        var filter = new PathFilter(Include, Exclude);
        var repo = Repo;
        var files = Hub(Token).ListFilesAsync(RepoType, repo, Revision, Path, Recurse, CancelToken);
        var e = files.GetAsyncEnumerator(CancelToken);
        try
        {
            while (Await(_ => e.MoveNextAsync().AsTask()))
            {
                var file = e.Current;
                if (Recurse && file.IsDirectory) continue;
                if (file.IsDirectory ? Include == null && Exclude == null : filter.Matches(file.Path))
                    WriteObject(new RepoFileItem(repo, RepoType, Revision, file));
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().Wait();
        }
    }
}
