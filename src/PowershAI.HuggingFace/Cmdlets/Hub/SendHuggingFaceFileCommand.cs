using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Send-HuggingFaceFile (alias Send-HfFile): local files and folders into a repo in one commit, as
/// upload_file / upload_folder do; only what changed is sent.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "HuggingFaceFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Send-HfFile")]
[OutputType(typeof(HubCommitResult))]
public sealed class SendHuggingFaceFileCommand : HubCmdlet
{
    const int Activity = 1;

    [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "RepoId")]
    public string Repo { get; set; } = "";

    /// <summary>Local files and folders (wildcards allowed); a folder's files keep their paths below it.</summary>
    [Parameter(Position = 1, Mandatory = true)]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The folder in the repo the files go to; the root when left out.</summary>
    [Parameter] public string? PathInRepo { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public HubRepoType RepoType { get; set; } = HubRepoType.Model;

    [Parameter] public string Revision { get; set; } = "main";

    [Parameter] public string Message { get; set; } = "Upload files with PowershAI.HuggingFace";

    [Parameter] public string[]? Include { get; set; }

    [Parameter] public string[]? Exclude { get; set; }

    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Repo;

    protected override void Process()
    {
        var filter = new PathFilter(Include, Exclude);
        var prefix = string.IsNullOrEmpty(PathInRepo) ? "" : PathInRepo!.Trim('/') + "/";
        var locals = Path.SelectMany(p => SessionState.Path.GetResolvedProviderPathFromPSPath(p, out _))
            .SelectMany(Expand)
            .Where(f => filter.Matches(f.Relative))
            .GroupBy(f => prefix + f.Relative, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        if (locals.Count == 0)
            throw new ArgumentException("No local file to upload: the paths given hold none that -Include and -Exclude keep.");
        if (!ShouldProcess($"{RepoType} {Repo}", $"Upload {locals.Count} file(s) in one commit to {Revision}")) return;

        var files = locals.Select(f => HubUploadFile.Read(f.Full, prefix + f.Relative)).ToList();
        var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(Activity, "Uploading", p)));
        var result = Await(ct => Hub(Token).UploadAsync(RepoType, Repo, Revision, files, Message, progress, ct));
        WriteProgress(Progress.Completed(Activity, "Uploading"));
        WriteObject(result);
    }

    /// <summary>A file as itself; a folder as its files with '/' paths below it, leaving out .git and huggingface_hub's .cache/huggingface.</summary>
    static IEnumerable<(string Full, string Relative)> Expand(string path)
    {
        if (File.Exists(path))
        {
            yield return (path, System.IO.Path.GetFileName(path));
            yield break;
        }
        var root = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = file.Substring(root.Length).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(".git/", StringComparison.Ordinal) || relative.StartsWith(".cache/huggingface/", StringComparison.Ordinal)) continue;
            yield return (file, relative);
        }
    }
}
