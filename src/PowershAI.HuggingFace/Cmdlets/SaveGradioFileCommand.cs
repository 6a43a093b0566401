using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Save-GradioFile: downloads every file found in what is piped in (FileData objects, result
/// events, arrays of them) into a folder under sanitised names, or to the file -Path names, and
/// returns the files as provider items (what Get-Item returns).
/// </summary>
[Cmdlet(VerbsData.Save, "GradioFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
[OutputType(typeof(System.IO.FileInfo))]
public sealed class SaveGradioFileCommand : GradioCmdlet
{
    const int Activity = 4;
    const string PathSet = "Path";
    const string LiteralPathSet = "LiteralPath";

    /// <summary>FileData objects, results of Update-GradioApiResult, or anything that holds them.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>The app the files come from; needed only when a FileData has no absolute url.</summary>
    [Parameter(Position = 1)]
    [Alias("Url")]
    public string? AppUrl { get; set; }

    /// <summary>
    /// The folder to save into (created if missing; the current folder by default), or a file: a
    /// path that is not an existing folder, does not end with a slash and has an extension.
    /// Wildcards are resolved; -LiteralPath takes the path as written.
    /// </summary>
    [Parameter(Position = 2, ParameterSetName = PathSet)]
    [Alias("OutputDirectory")]
    public string? Path { get; set; }

    /// <summary>Like -Path, with no wildcard characters ([ ] * ?) interpreted.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    public string LiteralPath { get; set; } = "";

    /// <summary>Replace a file of the same name; without it the download takes the next free name ("a-1.png") and says so.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The largest file accepted, in bytes; a larger one fails with GradioResponseTooLarge and is not kept.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long MaxBytes { get; set; } = DownloadLimits.DefaultMaxBytes;

    /// <summary>Seconds one file's download may take in all; 0 (the default) sets no bound beyond -TimeoutSec's bound on each silence.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxDurationSec { get; set; }

    protected override void Process()
    {
        var value = InputObject is PSObject ps && ps.BaseObject is Objects.GradioApiEventResult r ? r.Data : InputObject;
        var json = ArgumentConverter.ToJson(PSJson.FromPS(value));
        var (directory, fileName) = Destination();
        ForEachItem(FileData.FindAll(json).ToList(), FileData.OriginalName, file =>
        {
            var wanted = SafeFileName.From(fileName ?? FileData.OriginalName(file));
            if (!ShouldProcess(System.IO.Path.Combine(directory, wanted), $"Save {FileData.OriginalName(file)}")) return;
            var saveAs = new SaveTarget { FileName = fileName, Overwrite = Force };
            var saved = Await(async ct =>
            {
                var client = ClientFor(AppUrl ?? Origin(file));
                var app = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
                var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(Activity, "Downloading", p)));
                var limits = DownloadLimits.Within(MaxDurationSec, MaxBytes);
                return await GradioFiles.DownloadAsync(client, app, file, directory, progress, ct, limits, saveAs).ConfigureAwait(false);
            });
            WriteProgress(Progress.Completed(Activity, "Downloading"));
            if (saved.Name != wanted)
                WriteWarning($"{wanted} already exists in {directory}, so the file was saved as {saved.Name}. -Force replaces the existing file.");
            WriteObject(InvokeProvider.Item.Get(new[] { saved.FullName }, force: true, literalPath: true), enumerateCollection: true);
        });
    }

    /// <summary>The folder to save into and, when the path names a file, that file's name.</summary>
    (string Directory, string? FileName) Destination()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var given = literal ? LiteralPath : string.IsNullOrEmpty(Path) ? "." : Path!;
        string full;
        if (!literal && WildcardPattern.ContainsWildcardCharacters(given))
        {
            var matches = GetResolvedProviderPathFromPSPath(given, out _);
            if (matches.Count != 1)
                throw new GradioException(GradioErrorKind.InvalidArguments,
                    $"-Path '{given}' matches {matches.Count} items; name one folder or file (-LiteralPath takes [ ] * ? as written).", target: given);
            full = matches[0];
        }
        else
        {
            full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
        }
        var endsWithSlash = given.EndsWith("/", System.StringComparison.Ordinal) || given.EndsWith("\\", System.StringComparison.Ordinal);
        var isFile = !endsWithSlash && !System.IO.Directory.Exists(full) && (System.IO.File.Exists(full) || System.IO.Path.HasExtension(full));
        return isFile ? (System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full)) : (full, null);
    }

    /// <summary>The app a FileData came from, read off its url.</summary>
    static string Origin(JsonObject file)
    {
        var url = file["url"]?.ToString();
        if (string.IsNullOrEmpty(url))
            throw new GradioException(GradioErrorKind.InvalidArguments, $"{FileData.OriginalName(file)} has no url; pass -AppUrl to say which app holds it.");
        var cut = url!.IndexOf("file=", System.StringComparison.Ordinal);
        return cut > 0 ? url.Substring(0, cut) : url;
    }
}
