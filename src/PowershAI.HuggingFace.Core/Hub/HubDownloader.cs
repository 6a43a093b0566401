using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// hf_hub_download and snapshot_download: files of a repo at a revision into huggingface_hub's
/// cache (<see cref="HubCache"/>) or a plain folder (<see cref="LocalDirMetadata"/>), a few at a
/// time. A file the cache already has at a commit, or records as missing there (.no_exist), costs no
/// request; offline, only the cache is read.
/// </summary>
public sealed class HubDownloader
{
    readonly HubClient _hub;
    readonly HubDownloadOptions _options;

    public HubDownloader(HubClient hub, HubDownloadOptions? options = null)
    {
        _hub = hub;
        _options = options ?? new HubDownloadOptions();
        Cache = new HubCache(_options.CacheDir);
    }

    public HubCache Cache { get; }

    /// <summary>The files named, each resolved on its own (one HEAD, none for a commit the cache has).</summary>
    public Task<IReadOnlyList<HubDownloadResult>> DownloadAsync(HubRepoType type, string id, string? revision, IReadOnlyList<string> paths, CancellationToken ct = default) =>
        RunAsync(type, id, revision ?? "main", paths.Select(p => (p.Trim('/'), (long?)null)).ToList(), ct);

    /// <summary>
    /// Every file of the repo at <paramref name="revision"/> that <paramref name="filter"/> keeps:
    /// the revision resolved to its commit once (and recorded in refs/), the file list read from the
    /// tree at that commit. Offline, the files of the cached snapshot.
    /// </summary>
    public async Task<IReadOnlyList<HubDownloadResult>> SnapshotAsync(HubRepoType type, string id, string? revision, PathFilter filter, CancellationToken ct = default)
    {
        revision ??= "main";
        if (_options.Offline) return await RunAsync(type, id, revision, OfflineFiles(type, id, revision).Where(filter.Matches).Select(p => (p, (long?)null)).ToList(), ct).ConfigureAwait(false);

        var info = await _hub.GetRepoAsync(type, id, revision, new[] { "sha" }, ct: ct).ConfigureAwait(false);
        if (info?["sha"]?.GetValue<string>() is not { } commit || !HubCache.IsCommit(commit))
            throw new HubException(HubErrorKind.MalformedResponse, $"The Hub did not say which commit {revision} of {id} is.") { RepoId = id };
        if (_options.LocalDir == null && revision != commit) Cache.WriteRef(type, id, revision, commit);
        var files = new List<(string, long?)>();
        await foreach (var file in _hub.ListFilesAsync(type, id, commit, recursive: true, ct: ct).ConfigureAwait(false))
        {
            if (!file.IsDirectory && filter.Matches(file.Path)) files.Add((file.Path, file.Size));
        }
        return await RunAsync(type, id, commit, files, ct).ConfigureAwait(false);
    }

    /// <summary>Paths of the cached snapshot (or the local folder) for <paramref name="revision"/>, with '/' separators.</summary>
    IEnumerable<string> OfflineFiles(HubRepoType type, string id, string revision)
    {
        string folder;
        if (_options.LocalDir != null) folder = _options.LocalDir;
        else if (Cache.CommitOf(type, id, revision) is { } commit) folder = Cache.SnapshotFolder(type, id, commit);
        else throw NotInCache(id, revision, null);
        if (!Directory.Exists(folder)) throw NotInCache(id, revision, null);
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => f.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith(LocalDirMetadata.Folder + "/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    async Task<IReadOnlyList<HubDownloadResult>> RunAsync(HubRepoType type, string id, string revision, IReadOnlyList<(string Path, long? Size)> files, CancellationToken ct)
    {
        var tally = new Tally(files.Count, files.Sum(f => f.Size ?? 0), _options.Progress);
        var results = new HubDownloadResult[files.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, _options.ThrottleLimit));
        var work = files.Select(async (file, index) =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var local = await OneAsync(type, id, revision, file.Path, file.Size, (done, total) => tally.Report(file.Path, index, done, total), ct).ConfigureAwait(false);
                results[index] = new HubDownloadResult(file.Path, local, null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                results[index] = new HubDownloadResult(file.Path, null, ex);
            }
            finally
            {
                gate.Release();
                tally.Finish(file.Path, index, file.Size);
            }
        }).ToList();
        await Task.WhenAll(work).ConfigureAwait(false);
        return results;
    }

    Task<string> OneAsync(HubRepoType type, string id, string revision, string path, long? size, Action<long, long?> progress, CancellationToken ct) =>
        _options.LocalDir is { } folder
            ? ToFolderAsync(type, id, revision, path, new LocalDirMetadata(folder, path), progress, ct)
            : ToCacheAsync(type, id, revision, path, progress, ct);

    /// <summary>hf_hub_download into the cache: the snapshot file, its blob downloaded under the lock when missing.</summary>
    async Task<string> ToCacheAsync(HubRepoType type, string id, string revision, string path, Action<long, long?> progress, CancellationToken ct)
    {
        if (!_options.Force && HubCache.IsCommit(revision))
        {
            if (Cache.Find(type, id, revision, path) is { } atCommit) return atCommit;
            if (Cache.MissingAt(type, id, revision, path) is { } commit) throw KnownMissing(type, id, commit, path);
        }
        if (_options.Offline)
        {
            return Cache.Find(type, id, revision, path)
                ?? throw (Cache.MissingAt(type, id, revision, path) is { } commit ? KnownMissing(type, id, commit, path) : NotInCache(id, revision, path));
        }

        FileMetadata meta;
        try
        {
            meta = await _hub.GetFileMetadataAsync(type, id, revision, path, ct, _options.MetadataTimeout).ConfigureAwait(false);
        }
        catch (HubException ex) when (!_options.Force && ex.Kind is HubErrorKind.Unreachable or HubErrorKind.Timeout && Cache.Find(type, id, revision, path) is { })
        {
            // As huggingface_hub does: with the Hub out of reach, what the cache has for the revision will do.
            _hub.Options.Log?.Verbose($"{ex.Message} Using the cached copy of {path}.");
            return Cache.Find(type, id, revision, path)!;
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.EntryNotFound && ex.Commit is { } commit && HubCache.IsCommit(commit))
        {
            // As huggingface_hub does: the absence is cached at the commit the Hub named, so an offline lookup knows it.
            Cache.MarkMissing(type, id, commit, path);
            if (revision != commit) Cache.WriteRef(type, id, revision, commit);
            throw;
        }
        if (revision != meta.Commit) Cache.WriteRef(type, id, revision, meta.Commit);
        var pointer = Cache.SnapshotPath(type, id, meta.Commit, path);
        if (!_options.Force && HubCache.IsReadable(pointer)) return pointer;

        var blob = Cache.BlobPath(type, id, meta.ETag);
        if (_options.Force || !File.Exists(blob))
        {
            using var held = await CacheLock.AcquireAsync(Cache.LockPath(type, id, meta.ETag), Waiting(path), ct).ConfigureAwait(false);
            if (_options.Force || !File.Exists(blob))
                await BlobDownload.SaveAsync(_hub, meta, _hub.ResolveUrl(type, id, revision, path), blob + ".incomplete", blob, path, progress, _options.ReadTimeout ?? _hub.Options.Timeout, ct).ConfigureAwait(false);
        }
        HubCache.Link(blob, pointer);
        return pointer;
    }

    /// <summary>hf_hub_download with local_dir: the file at its repo path, its commit and etag in the folder's .cache metadata.</summary>
    async Task<string> ToFolderAsync(HubRepoType type, string id, string revision, string path, LocalDirMetadata local, Action<long, long?> progress, CancellationToken ct)
    {
        var known = local.Read();
        if (!_options.Force && HubCache.IsCommit(revision) && known?.Commit == revision) return local.Target;
        if (_options.Offline) return File.Exists(local.Target) ? local.Target : throw NotInCache(id, revision, path);

        var meta = await _hub.GetFileMetadataAsync(type, id, revision, path, ct, _options.MetadataTimeout).ConfigureAwait(false);
        if (!_options.Force && known?.ETag == meta.ETag)
        {
            local.Write(meta.Commit, meta.ETag);
            return local.Target;
        }
        using (await CacheLock.AcquireAsync(local.LockPath, Waiting(path), ct).ConfigureAwait(false))
            await BlobDownload.SaveAsync(_hub, meta, _hub.ResolveUrl(type, id, revision, path), local.IncompletePath(meta.ETag), local.Target, path, progress, _options.ReadTimeout ?? _hub.Options.Timeout, ct).ConfigureAwait(false);
        local.Write(meta.Commit, meta.ETag);
        return local.Target;
    }

    Action Waiting(string path) => () => _hub.Options.Log?.Verbose($"Another download of {path} holds its lock; waiting for it to finish.");

    static HubException KnownMissing(HubRepoType type, string id, string commit, string path) =>
        new(HubErrorKind.EntryNotFound, $"{path} does not exist in {id} at commit {commit}: the cache records it as missing (.no_exist), so the Hub was not asked.") { RepoId = id, RepoType = type, Commit = commit };

    static HubException NotInCache(string id, string revision, string? path) =>
        new(HubErrorKind.Offline, $"Offline (HF_HUB_OFFLINE or -Offline), and the cache has no {(path == null ? "snapshot" : path)} of {id} at {revision}.") { RepoId = id };

    /// <summary>Counts a batch's bytes and files for the progress reports; safe from several downloads at once.</summary>
    sealed class Tally
    {
        readonly IProgress<HubDownloadProgress>? _progress;
        readonly long[] _done;
        readonly int _count;
        long _bytesDone;
        long _bytesTotal;
        int _filesDone;

        public Tally(int count, long bytesTotal, IProgress<HubDownloadProgress>? progress)
        {
            _count = count;
            _bytesTotal = bytesTotal;
            _progress = progress;
            _done = new long[count];
        }

        public void Report(string path, int index, long done, long? total)
        {
            if (_progress == null) return;
            var delta = done - Interlocked.Exchange(ref _done[index], done);
            var all = Interlocked.Add(ref _bytesDone, delta);
            _progress.Report(new HubDownloadProgress(path, index, done, total, false, Volatile.Read(ref _filesDone), _count, all, Math.Max(all, Volatile.Read(ref _bytesTotal))));
        }

        /// <summary>A file is done: a cached one counts its whole size, so the overall bar still reaches the end.</summary>
        public void Finish(string path, int index, long? size)
        {
            if (_progress == null) return;
            var last = Volatile.Read(ref _done[index]);
            var all = size is long s && s > last ? Interlocked.Add(ref _bytesDone, s - last) : Volatile.Read(ref _bytesDone);
            var files = Interlocked.Increment(ref _filesDone);
            _progress.Report(new HubDownloadProgress(path, index, size ?? last, size, true, files, _count, all, Math.Max(all, Volatile.Read(ref _bytesTotal))));
        }
    }
}
