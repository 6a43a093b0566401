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
/// events, arrays of them) into a folder, under sanitised names, and returns the files.
/// </summary>
[Cmdlet(VerbsData.Save, "GradioFile")]
[OutputType(typeof(System.IO.FileInfo))]
public sealed class SaveGradioFileCommand : GradioCmdlet
{
    const int Activity = 4;

    /// <summary>FileData objects, results of Update-GradioApiResult, or anything that holds them.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>The app the files come from; needed only when a FileData has no absolute url.</summary>
    [Parameter(Position = 1)]
    [Alias("Url")]
    public string? AppUrl { get; set; }

    /// <summary>The folder to save into (created if missing); the current folder by default.</summary>
    [Parameter(Position = 2)]
    [Alias("OutputDirectory")]
    public string? Path { get; set; }

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
        var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(Path) ? "." : Path);
        ForEachItem(FileData.FindAll(json).ToList(), FileData.OriginalName, file =>
        {
            var saved = Await(async ct =>
            {
                var client = ClientFor(AppUrl ?? Origin(file));
                var app = await client.GetAppInfoAsync(ct).ConfigureAwait(false);
                var progress = ProgressTo<TransferProgress>(p => WriteProgress(Progress.Transfer(Activity, "Downloading", p)));
                var limits = DownloadLimits.Within(MaxDurationSec, MaxBytes);
                return await GradioFiles.DownloadAsync(client, app, file, directory, progress, ct, limits).ConfigureAwait(false);
            });
            WriteProgress(Progress.Completed(Activity, "Downloading"));
            WriteObject(saved);
        });
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
