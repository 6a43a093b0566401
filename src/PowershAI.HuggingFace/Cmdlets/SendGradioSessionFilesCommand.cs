using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Send-GradioSessionFiles: makes files available to the session's app: paths and FileInfo are
/// uploaded (once per file version), URLs and FileData objects pass through. Returns FileData.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "GradioSessionFiles")]
[OutputType("PowershAI.HuggingFace.GradioFileData")]
public sealed class SendGradioSessionFilesCommand : AsyncCmdlet
{
    const int Activity = 5;
    readonly List<object?> _items = new();

    /// <summary>Paths, FileInfo objects, http(s) URLs or FileData objects.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Files", "Path")]
    public object[] File { get; set; } = null!;

    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    protected override object? ErrorTarget => Session;

    protected override void Process() => ForEachItem(File, item => item, item => _items.Add(SessionFiles.Resolve(this, item)));

    protected override void End()
    {
        if (_items.Count == 0) return;
        var session = SessionStore.Resolve(Session);
        var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(Activity, "Uploading to " + session.Name, p)));
        var files = Await(ct => SessionFiles.ToFileDataAsync(session, session.ClientFor(HttpLog), _items, progress, ct));
        WriteProgress(Progress.Completed(Activity, "Uploading to " + session.Name));
        foreach (var f in files) WriteObject(InfoObjects.FileData(session.App, f));
    }
}
