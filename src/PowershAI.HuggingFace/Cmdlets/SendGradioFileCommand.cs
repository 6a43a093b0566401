using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Send-GradioFile: uploads local files to the app (one request for everything piped in,
/// streamed from disk with a progress bar) and returns a FileData object per file.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "GradioFile")]
[OutputType("PowershAI.HuggingFace.GradioFileData", "System.String")]
public sealed class SendGradioFileCommand : GradioCmdlet
{
    const int Activity = 3;
    readonly List<FileInfo> _files = new();

    [Parameter(Position = 0, Mandatory = true)]
    [Alias("Url")]
    public string AppUrl { get; set; } = "";

    /// <summary>Paths (wildcards allowed) or FileInfo objects.</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipeline = true)]
    [Alias("FullName", "Path")]
    public object[] Files { get; set; } = null!;

    /// <summary>Return the server paths as the app answered them, instead of FileData objects.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>Each item checked here (LocalFile.Check), so a folder or a missing file among several is its own error.</summary>
    protected override void Process() => ForEachItem(Files, item => item, item =>
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        if (value is FileSystemInfo local)
        {
            _files.Add(LocalFile.Check(local.FullName));
            return;
        }
        foreach (var path in GetResolvedProviderPathFromPSPath(value?.ToString() ?? "", out _))
            _files.Add(LocalFile.Check(path));
    });

    protected override object? ErrorTarget => _files.Count == 0 ? AppUrl : string.Join(", ", _files.Select(f => f.Name));

    protected override void End()
    {
        if (_files.Count == 0) return;
        var client = ClientFor(AppUrl);
        var (app, uploaded) = Await(async ct =>
        {
            var info = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
            var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(Activity, "Uploading to " + info.Root, p)));
            return (info, await GradioFiles.UploadAsync(client, info, _files, progress, ct).ConfigureAwait(false));
        });
        WriteProgress(Progress.Completed(Activity, "Uploading to " + app.Root));
        foreach (var u in uploaded)
            WriteObject(Raw ? u.ServerPath : InfoObjects.FileData(app, u.FileData));
    }
}
