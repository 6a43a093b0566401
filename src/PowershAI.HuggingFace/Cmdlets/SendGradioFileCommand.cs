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
[Cmdlet(VerbsCommunications.Send, "GradioFile", DefaultParameterSetName = PathSet)]
[OutputType("PowershAI.HuggingFace.GradioFileData", "System.String")]
public sealed class SendGradioFileCommand : GradioCmdlet
{
    const int Activity = 3;
    const string PathSet = "Path";
    const string LiteralPathSet = "LiteralPath";
    readonly List<FileInfo> _files = new();

    [Parameter(Position = 0, Mandatory = true)]
    [Alias("Url")]
    public string AppUrl { get; set; } = "";

    /// <summary>Paths (wildcards allowed) or FileInfo objects.</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipeline = true, ParameterSetName = PathSet)]
    [Alias("FullName", "Path")]
    public object[] Files { get; set; } = null!;

    /// <summary>Paths taken as written: [ ] * ? are part of the name.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    public string[] LiteralPath { get; set; } = null!;

    /// <summary>Return the server paths as the app answered them, instead of FileData objects.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>Each item checked here (LocalFile.Check), so a folder or a missing file among several is its own error.</summary>
    protected override void Process()
    {
        if (ParameterSetName == LiteralPathSet)
        {
            ForEachItem(LiteralPath, p => p, p => _files.Add(LocalFile.Check(SessionState.Path.GetUnresolvedProviderPathFromPSPath(p))));
            return;
        }
        ForEachItem(Files, item => item, item =>
        {
            var value = item is PSObject ps ? ps.BaseObject : item;
            if (value is FileSystemInfo local)
            {
                _files.Add(LocalFile.Check(local.FullName));
                return;
            }
            var pattern = value?.ToString() ?? "";
            var paths = GetResolvedProviderPathFromPSPath(pattern, out _);
            // A wildcard that matches nothing resolves to no path at all; said here, or nothing would be sent and nothing said.
            if (paths.Count == 0)
                throw new GradioException(GradioErrorKind.FileNotFound, $"No file matches '{pattern}'. For a name with [ ] * or ?, use -LiteralPath.", target: pattern);
            foreach (var path in paths) _files.Add(LocalFile.Check(path));
        });
    }

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
