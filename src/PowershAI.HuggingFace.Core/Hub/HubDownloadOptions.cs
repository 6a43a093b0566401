using System;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>Where and how <see cref="HubDownloader"/> puts files.</summary>
public sealed class HubDownloadOptions
{
    /// <summary>The cache root; null = <see cref="HubCache.DefaultRoot"/> (HF_HUB_CACHE, HF_HOME/hub).</summary>
    public string? CacheDir { get; set; }

    /// <summary>A plain folder to put the files in (with their repo paths) instead of the cache, as `hf download --local-dir`.</summary>
    public string? LocalDir { get; set; }

    /// <summary>Download again even when the cache or the folder has the file.</summary>
    public bool Force { get; set; }

    /// <summary>Use the cache only, never the network; defaults to HF_HUB_OFFLINE.</summary>
    public bool Offline { get; set; } = HubEndpoint.Offline;

    /// <summary>Bound on each file's metadata request (HEAD); null = the client's timeout. Defaults to HF_HUB_ETAG_TIMEOUT.</summary>
    public TimeSpan? MetadataTimeout { get; set; } = HubEndpoint.EtagTimeout;

    /// <summary>Bound on a download's answer and on each silence while reading it; null = the client's timeout. Defaults to HF_HUB_DOWNLOAD_TIMEOUT.</summary>
    public TimeSpan? ReadTimeout { get; set; } = HubEndpoint.DownloadTimeout;

    /// <summary>Files downloaded at the same time.</summary>
    public int ThrottleLimit { get; set; } = 8;

    public IProgress<HubDownloadProgress>? Progress { get; set; }
}

/// <summary>One step of a download: the file's bytes so far and the whole batch's.</summary>
public sealed class HubDownloadProgress
{
    public HubDownloadProgress(string path, int index, long done, long? total, bool finished, int filesDone, int fileCount, long bytesDone, long bytesTotal)
    {
        Path = path;
        Index = index;
        Done = done;
        Total = total;
        Finished = finished;
        FilesDone = filesDone;
        FileCount = fileCount;
        BytesDone = bytesDone;
        BytesTotal = bytesTotal;
    }

    public string Path { get; }

    /// <summary>The file's place in the batch, from 0: a stable id for its progress bar.</summary>
    public int Index { get; }

    public long Done { get; }
    public long? Total { get; }

    /// <summary>This file is done (downloaded, found in the cache, or failed).</summary>
    public bool Finished { get; }

    public int FilesDone { get; }
    public int FileCount { get; }
    public long BytesDone { get; }

    /// <summary>The sizes known so far (a snapshot knows them all from the tree).</summary>
    public long BytesTotal { get; }
}

/// <summary>One file of a batch: where it is on disk, or why it is not.</summary>
public sealed class HubDownloadResult
{
    public HubDownloadResult(string path, string? localPath, Exception? error)
    {
        Path = path;
        LocalPath = localPath;
        Error = error;
    }

    /// <summary>The path in the repo.</summary>
    public string Path { get; }

    public string? LocalPath { get; }

    public Exception? Error { get; }
}
