using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

/// <summary>Repo files into huggingface_hub's cache layout and plain folders, against the emulator's tree, resolve and CDN routes.</summary>
public sealed class HubDownloadTests : IDisposable
{
    const string Dataset = "acme/imdb-mini";
    const string Parquet = "data/train-00000-of-00001.parquet";
    readonly string _temp = Path.Combine(Path.GetTempPath(), "hubdl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    HubDownloader Downloader(FakeHubServer hub, bool offline = false, string? localDir = null, string? token = FakeHubOptions.AliceToken) =>
        new(H.Client(hub, token), new HubDownloadOptions { CacheDir = _temp, Offline = offline, LocalDir = localDir });

    static FakeRepo Repo(FakeHubServer hub, string id) => hub.Repos.Single(r => r.Id == id);

    static int Downloads(FakeHubServer hub) =>
        hub.Requests.Count(r => r.Method == "GET" && (r.Host == hub.CdnBaseUrl.Authority || r.PathAndQuery.Contains("/resolve/", StringComparison.Ordinal)));

    [Fact]
    public async Task The_tree_lists_one_level_or_everything_across_pages()
    {
        await using var hub = await H.Start(o => o.PageSizeCap = 2);
        using var cts = H.Deadline();
        var client = H.Client(hub);

        var top = await H.All(client.ListFilesAsync(HubRepoType.Dataset, Dataset, ct: cts.Token), cts.Token);
        var all = await H.All(client.ListFilesAsync(HubRepoType.Dataset, Dataset, recursive: true, ct: cts.Token), cts.Token);

        Assert.Equal(new[] { ".gitattributes", "README.md", "data" }, top.Select(f => f.Path));
        Assert.True(top.Single(f => f.Path == "data").IsDirectory);
        var parquet = all.Single(f => f.Path == Parquet);
        var fake = Repo(hub, Dataset).FindFile(Parquet)!;
        Assert.Equal(fake.Content.Length, parquet.Size);
        Assert.Equal(fake.Sha256, parquet.ETag);
        Assert.Equal(5, all.Count);
        Assert.True(H.To(hub, "/api/datasets/acme/imdb-mini/tree/main").Count >= 3);
    }

    [Fact]
    public async Task A_snapshot_lands_in_the_cache_layout_and_a_second_run_downloads_nothing()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var repo = Repo(hub, Dataset);

        var first = await Downloader(hub).SnapshotAsync(HubRepoType.Dataset, Dataset, null, new PathFilter(), cts.Token);

        Assert.All(first, r => Assert.Null(r.Error));
        var folder = Path.Combine(_temp, "datasets--acme--imdb-mini");
        Assert.Equal(repo.Sha, File.ReadAllText(Path.Combine(folder, "refs", "main")));
        var parquet = repo.FindFile(Parquet)!;
        var pointer = Path.Combine(folder, "snapshots", repo.Sha, "data", "train-00000-of-00001.parquet");
        Assert.Equal(pointer, first.Single(r => r.Path == Parquet).LocalPath);
        Assert.Equal(parquet.Content, File.ReadAllBytes(pointer));
        Assert.Equal(parquet.Content, File.ReadAllBytes(Path.Combine(folder, "blobs", parquet.Sha256)));
        Assert.Equal(Path.Combine("..", "..", "..", "blobs", parquet.Sha256), new FileInfo(pointer).LinkTarget);
        Assert.True(File.Exists(Path.Combine(folder, "blobs", repo.FindFile("data/train.csv")!.BlobId)));
        // The token went to the Hub, never to the CDN (which would have refused it).
        Assert.All(H.To(hub, "/datasets/"), r => Assert.NotNull(H.Authorization(r)));
        Assert.All(hub.Requests.Where(r => r.Host == hub.CdnBaseUrl.Authority), r => Assert.Null(H.Authorization(r)));
        var before = Downloads(hub);
        Assert.Equal(4, before); // three regular files from the Hub, the LFS one from the CDN
        var heads = hub.Requests.Count(r => r.Method == "HEAD");

        var second = await Downloader(hub).SnapshotAsync(HubRepoType.Dataset, Dataset, "main", new PathFilter(), cts.Token);

        Assert.Equal(first.Select(r => r.LocalPath), second.Select(r => r.LocalPath));
        Assert.Equal(before, Downloads(hub));
        Assert.Equal(heads, hub.Requests.Count(r => r.Method == "HEAD"));
    }

    [Fact]
    public async Task A_cache_written_in_huggingface_hubs_layout_is_used_as_is()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var repo = Repo(hub, "acme/tiny-gpt");
        var config = repo.FindFile("config.json")!;
        // As huggingface_hub leaves it: blob named by the etag, a relative link, the ref without a newline.
        var folder = Path.Combine(_temp, "models--acme--tiny-gpt");
        Directory.CreateDirectory(Path.Combine(folder, "blobs"));
        File.WriteAllBytes(Path.Combine(folder, "blobs", config.BlobId), config.Content);
        Directory.CreateDirectory(Path.Combine(folder, "snapshots", repo.Sha));
        File.CreateSymbolicLink(Path.Combine(folder, "snapshots", repo.Sha, "config.json"), "../../blobs/" + config.BlobId);
        Directory.CreateDirectory(Path.Combine(folder, "refs"));
        File.WriteAllText(Path.Combine(folder, "refs", "main"), repo.Sha);

        var atMain = await Downloader(hub).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", "main", new[] { "config.json" }, cts.Token);
        var atCommit = await Downloader(hub).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", repo.Sha, new[] { "config.json" }, cts.Token);

        var expected = Path.Combine(folder, "snapshots", repo.Sha, "config.json");
        Assert.Equal(expected, atMain.Single().LocalPath);
        Assert.Equal(expected, atCommit.Single().LocalPath);
        Assert.Single(hub.Requests); // main needed one HEAD to learn its commit; the commit needed none
        Assert.Equal("HEAD", hub.Requests[0].Method);
    }

    [Fact]
    public async Task An_interrupted_download_resumes_with_a_range()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var parquet = Repo(hub, Dataset).FindFile(Parquet)!;
        var blobs = Path.Combine(_temp, "datasets--acme--imdb-mini", "blobs");
        Directory.CreateDirectory(blobs);
        File.WriteAllBytes(Path.Combine(blobs, parquet.Sha256 + ".incomplete"), parquet.Content.Take(1000).ToArray());

        var result = (await Downloader(hub).DownloadAsync(HubRepoType.Dataset, Dataset, null, new[] { Parquet }, cts.Token)).Single();

        Assert.Null(result.Error);
        Assert.Equal(parquet.Content, File.ReadAllBytes(result.LocalPath!));
        var cdn = hub.Requests.Single(r => r.Host == hub.CdnBaseUrl.Authority);
        Assert.Equal("bytes=1000-", cdn.Headers["Range"]);
        Assert.False(File.Exists(Path.Combine(blobs, parquet.Sha256 + ".incomplete")));
    }

    [Fact]
    public async Task A_download_whose_sha256_is_wrong_is_discarded_and_never_cached()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var parquet = Repo(hub, Dataset).FindFile(Parquet)!;
        var blobs = Path.Combine(_temp, "datasets--acme--imdb-mini", "blobs");
        Directory.CreateDirectory(blobs);
        File.WriteAllBytes(Path.Combine(blobs, parquet.Sha256 + ".incomplete"), Encoding.ASCII.GetBytes(new string('x', 1000)));

        var failed = (await Downloader(hub).DownloadAsync(HubRepoType.Dataset, Dataset, null, new[] { Parquet }, cts.Token)).Single();

        var error = Assert.IsType<HubException>(failed.Error);
        Assert.Equal(HubErrorKind.IntegrityCheckFailed, error.Kind);
        Assert.Empty(Directory.GetFiles(blobs));
        Assert.False(Directory.Exists(Path.Combine(_temp, "datasets--acme--imdb-mini", "snapshots")));

        var retried = (await Downloader(hub).DownloadAsync(HubRepoType.Dataset, Dataset, null, new[] { Parquet }, cts.Token)).Single();
        Assert.Equal(parquet.Content, File.ReadAllBytes(retried.LocalPath!));
    }

    [Fact]
    public async Task Offline_serves_the_cache_and_never_asks_the_hub()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        await Downloader(hub).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", null, new[] { "config.json" }, cts.Token);
        var requests = hub.Requests.Count;

        var cached = (await Downloader(hub, offline: true).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", "main", new[] { "config.json" }, cts.Token)).Single();
        var snapshot = await Downloader(hub, offline: true).SnapshotAsync(HubRepoType.Model, "acme/tiny-gpt", null, new PathFilter(new[] { "*.json" }), cts.Token);
        var missing = (await Downloader(hub, offline: true).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", "main", new[] { "README.md" }, cts.Token)).Single();

        Assert.NotNull(cached.LocalPath);
        Assert.Equal(cached.LocalPath, snapshot.Single().LocalPath);
        Assert.Equal(HubErrorKind.Offline, Assert.IsType<HubException>(missing.Error).Kind);
        Assert.Equal(requests, hub.Requests.Count);
    }

    [Fact]
    public async Task A_missing_file_is_marked_in_no_exist_so_offline_and_commit_lookups_know_without_asking()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var sha = Repo(hub, "acme/tiny-gpt").Sha;

        var online = (await Downloader(hub).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", "main", new[] { "sub/missing.bin" }, cts.Token)).Single();
        var requests = hub.Requests.Count;
        var offline = (await Downloader(hub, offline: true).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", "main", new[] { "sub/missing.bin" }, cts.Token)).Single();
        var atCommit = (await Downloader(hub).DownloadAsync(HubRepoType.Model, "acme/tiny-gpt", sha, new[] { "sub/missing.bin" }, cts.Token)).Single();

        Assert.Equal(HubErrorKind.EntryNotFound, Assert.IsType<HubException>(online.Error).Kind);
        var marker = Path.Combine(_temp, "models--acme--tiny-gpt", ".no_exist", sha, "sub", "missing.bin");
        Assert.True(File.Exists(marker));
        Assert.Equal(0, new FileInfo(marker).Length);
        Assert.Equal(sha, File.ReadAllText(Path.Combine(_temp, "models--acme--tiny-gpt", "refs", "main")));
        Assert.Equal(HubErrorKind.EntryNotFound, Assert.IsType<HubException>(offline.Error).Kind);
        Assert.Equal(HubErrorKind.EntryNotFound, Assert.IsType<HubException>(atCommit.Error).Kind);
        Assert.Equal(requests, hub.Requests.Count);
    }

    [Fact]
    public async Task A_download_waits_for_the_lock_another_writer_holds()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var parquet = Repo(hub, Dataset).FindFile(Parquet)!;
        var downloader = Downloader(hub);
        var held = await CacheLock.AcquireAsync(downloader.Cache.LockPath(HubRepoType.Dataset, Dataset, parquet.Sha256), null, cts.Token);

        var pending = downloader.DownloadAsync(HubRepoType.Dataset, Dataset, null, new[] { Parquet }, cts.Token);
        await H.Until(() => hub.Requests.Any(r => r.Method == "HEAD"), cts.Token);
        await Task.Delay(300, cts.Token); // give it every chance to write if the lock did not hold it back

        Assert.False(pending.IsCompleted);
        Assert.DoesNotContain(hub.Requests, r => r.Host == hub.CdnBaseUrl.Authority);
        held.Dispose();
        var result = (await pending).Single();
        Assert.Equal(parquet.Content, File.ReadAllBytes(result.LocalPath!));
    }

    [Fact]
    public async Task A_local_folder_gets_plain_files_and_huggingface_hubs_metadata()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var repo = Repo(hub, Dataset);
        var folder = Path.Combine(_temp, "plain");

        var first = await Downloader(hub, localDir: folder).SnapshotAsync(HubRepoType.Dataset, Dataset, null, new PathFilter(new[] { "data/" }), cts.Token);
        var downloads = Downloads(hub);
        var second = await Downloader(hub, localDir: folder).SnapshotAsync(HubRepoType.Dataset, Dataset, null, new PathFilter(new[] { "data/" }), cts.Token);

        Assert.Equal(new[] { "data/train-00000-of-00001.parquet", "data/train.csv" }, first.Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal));
        var target = Path.Combine(folder, "data", "train-00000-of-00001.parquet");
        Assert.Equal(repo.FindFile(Parquet)!.Content, File.ReadAllBytes(target));
        var metadata = File.ReadAllLines(Path.Combine(folder, ".cache", "huggingface", "download", "data", "train-00000-of-00001.parquet.metadata"));
        Assert.Equal(repo.Sha, metadata[0]);
        Assert.Equal(repo.FindFile(Parquet)!.Sha256, metadata[1]);
        Assert.Equal(downloads, Downloads(hub));
        Assert.Equal(first.Select(r => r.LocalPath), second.Select(r => r.LocalPath));
        Assert.False(Directory.Exists(Path.Combine(_temp, "datasets--acme--imdb-mini")));
    }

    [Fact]
    public async Task Gated_files_fail_with_their_kind_and_include_exclude_pick_files()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();

        var gated = (await Downloader(hub, token: FakeHubOptions.BobToken).DownloadAsync(HubRepoType.Model, "contoso/gated-llm", null, new[] { "config.json" }, cts.Token)).Single();
        var picked = await Downloader(hub).SnapshotAsync(HubRepoType.Model, "acme/tiny-gpt", null, new PathFilter(new[] { "*.json", "*.MD" }, new[] { "readme*" }), cts.Token);

        Assert.Equal(HubErrorKind.GatedRepo, Assert.IsType<HubException>(gated.Error).Kind);
        Assert.Equal("config.json", picked.Single().Path);
    }
}
