using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Save-HuggingFaceFile (alias Save-HfFile): files of a repo, or all of it, into huggingface_hub's
/// cache (or a plain folder); writes the files as provider items.
/// </summary>
[Cmdlet(VerbsData.Save, "HuggingFaceFile")]
[Alias("Save-HfFile")]
[OutputType(typeof(System.IO.FileInfo))]
public sealed class SaveHuggingFaceFileCommand : HubCmdlet
{
    const int OverallId = 1;

    [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "RepoId")]
    public string Repo { get; set; } = "";

    /// <summary>Paths in the repo; wildcards and a trailing '/' select several. None: the whole repo.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public string[]? Path { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public HubRepoType RepoType { get; set; } = HubRepoType.Model;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string Revision { get; set; } = "main";

    [Parameter] public string[]? Include { get; set; }

    [Parameter] public string[]? Exclude { get; set; }

    [Parameter] public string? CacheDir { get; set; }

    [Parameter] public string? LocalDir { get; set; }

    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] public SwitchParameter Offline { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Repo;

    protected override void Process()
    {
        var activity = $"Downloading {Repo}";
        var options = new HubDownloadOptions
        {
            CacheDir = CacheDir == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CacheDir),
            LocalDir = LocalDir == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LocalDir),
            Force = Force,
            Offline = Offline || HubEndpoint.Offline,
            ThrottleLimit = ThrottleLimit,
            Progress = ProgressTo<HubDownloadProgress>(p => Report(activity, p)),
        };
        // An explicit -TimeoutSec wins over HF_HUB_ETAG_TIMEOUT and HF_HUB_DOWNLOAD_TIMEOUT.
        if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) options.MetadataTimeout = options.ReadTimeout = RequestTimeout;
        var downloader = new HubDownloader(Hub(Token), options);
        var paths = Path ?? Array.Empty<string>();
        var named = paths.Where(p => !IsPattern(p)).ToList();
        var results = named.Count == paths.Length && paths.Length > 0 && Include == null && Exclude == null
            ? Await(ct => downloader.DownloadAsync(RepoType, Repo, Revision, named, ct))
            : Await(ct => downloader.SnapshotAsync(RepoType, Repo, Revision, Filter(paths), ct));
        WriteProgress(new ProgressRecord(OverallId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        ForEachItem(results, r => r.Path, r =>
        {
            if (r.Error != null) throw r.Error;
            foreach (var item in InvokeProvider.Item.Get(new[] { r.LocalPath! }, force: true, literalPath: true)) WriteObject(item);
        });
    }

    static bool IsPattern(string path) => PathFilter.HasWildcard(path) || path.EndsWith("/", StringComparison.Ordinal);

    /// <summary>-Path values count as includes beside -Include: "data/" and "*.json" select, names select themselves.</summary>
    PathFilter Filter(string[] paths)
    {
        var include = paths.Concat(Include ?? Array.Empty<string>()).ToList();
        return new PathFilter(include.Count == 0 ? null : include, Exclude);
    }

    void Report(string activity, HubDownloadProgress p)
    {
        var overall = new ProgressRecord(OverallId, activity, $"{p.FilesDone} of {p.FileCount} files, {Progress.Size(p.BytesDone)} of {Progress.Size(p.BytesTotal)}");
        if (p.BytesTotal > 0) overall.PercentComplete = (int)Math.Min(100, p.BytesDone * 100 / p.BytesTotal);
        WriteProgress(overall);
        var file = new ProgressRecord(OverallId + 1 + p.Index, p.Path, p.Total is long t ? $"{Progress.Size(p.Done)} of {Progress.Size(t)}" : Progress.Size(p.Done)) { ParentActivityId = OverallId };
        if (p.Total is long total && total > 0) file.PercentComplete = (int)Math.Min(100, p.Done * 100 / total);
        if (p.Finished) file.RecordType = ProgressRecordType.Completed;
        WriteProgress(file);
    }
}
