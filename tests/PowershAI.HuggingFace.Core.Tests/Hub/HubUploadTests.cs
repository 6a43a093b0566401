using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

/// <summary>Uploads through preupload, the LFS batch API (content to the CDN host) and one NDJSON commit.</summary>
public sealed class HubUploadTests : IDisposable
{
    readonly string _temp = Path.Combine(Path.GetTempPath(), "hubup-" + Guid.NewGuid().ToString("N"));

    public HubUploadTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    HubUploadFile Local(string repoPath, byte[] content)
    {
        var path = Path.Combine(_temp, repoPath.Replace('/', '_'));
        File.WriteAllBytes(path, content);
        return HubUploadFile.Read(path, repoPath);
    }

    [Fact]
    public async Task A_folder_with_a_large_file_goes_in_one_commit_and_a_second_upload_sends_nothing()
    {
        await using var hub = await H.Start();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);
        var weights = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
        var files = new[] { Local("config.json", Encoding.UTF8.GetBytes("{\"a\": 1}\n")), Local("weights/model.safetensors", weights) };

        var first = await alice.UploadAsync(HubRepoType.Model, "acme/tiny-gpt", null, files, "Add weights");
        var second = await alice.UploadAsync(HubRepoType.Model, "acme/tiny-gpt", null, files, "Add weights again");

        var repo = hub.Repos.Single(r => r.Id == "acme/tiny-gpt");
        Assert.Equal(repo.Sha, first.CommitOid);
        Assert.Equal(new[] { "config.json", "weights/model.safetensors" }, first.Sent);
        Assert.True(repo.FindFile("weights/model.safetensors")!.Lfs);
        Assert.Equal(weights, repo.FindFile("weights/model.safetensors")!.Content);
        Assert.Equal("{\"a\": 1}\n", Encoding.UTF8.GetString(repo.FindFile("config.json")!.Content));
        var put = hub.Requests.Single(r => r.Method == "PUT");
        Assert.Equal(hub.CdnBaseUrl.Authority, put.Host);
        Assert.Null(H.Authorization(put));
        var commit = H.To(hub, "/api/models/acme/tiny-gpt/commit/main").Single();
        Assert.Contains("\"key\":\"lfsFile\"", commit.Body);
        Assert.DoesNotContain(Convert.ToBase64String(weights)[..100], commit.Body);

        Assert.Null(second.CommitOid);
        Assert.Empty(second.Sent);
        Assert.Equal(2, second.Unchanged.Count);
        Assert.Single(hub.Requests, r => r.PathAndQuery.Contains("/commit/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_above_the_threshold_goes_up_in_parts_without_the_token_then_is_completed_and_verified()
    {
        await using var hub = await H.Start(o =>
        {
            o.MultipartThreshold = 10_000;
            o.MultipartChunkSize = 4096;
        });
        var alice = H.Client(hub, FakeHubOptions.AliceToken);
        var weights = Enumerable.Range(0, 30_000).Select(i => (byte)(i * 13 + 1)).ToArray();
        var progress = new Recorder<PowershAI.HuggingFace.Core.Files.TransferProgress>();

        var result = await alice.UploadAsync(HubRepoType.Model, "acme/tiny-gpt", null, new[] { Local("big.safetensors", weights) }, "Add big weights", progress);

        var repo = hub.Repos.Single(r => r.Id == "acme/tiny-gpt");
        Assert.Equal(repo.Sha, result.CommitOid);
        Assert.Equal(weights, repo.FindFile("big.safetensors")!.Content);
        var parts = hub.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"/{n}?"), parts.Select(p => p.PathAndQuery[p.PathAndQuery.LastIndexOf('/')..(p.PathAndQuery.IndexOf('?') + 1)]));
        Assert.All(parts, p => Assert.Equal(hub.CdnBaseUrl.Authority, p.Host));
        Assert.All(parts, p => Assert.Null(H.Authorization(p)));
        Assert.Single(H.To(hub, "/api/complete_multipart"));
        Assert.Single(hub.Requests, r => r.PathAndQuery.EndsWith("/info/lfs/objects/verify", StringComparison.Ordinal));
        Assert.Equal(weights.Length, progress.Items.Last().Done);
    }

    [Theory]
    [InlineData("1", "2", 8192L, null)]
    [InlineData("00001", "00002", 5000L, "3000")]
    public void A_multipart_plan_reads_padded_or_plain_part_numbers_and_a_text_or_number_chunk_size(string first, string second, long size, string? chunkText)
    {
        var header = new System.Text.Json.Nodes.JsonObject
        {
            ["chunk_size"] = chunkText == null ? System.Text.Json.Nodes.JsonValue.Create(4096L) : System.Text.Json.Nodes.JsonValue.Create(chunkText),
            [second] = "https://storage.example/b",
            [first] = "https://storage.example/a",
            ["x-amz-meta"] = "not a part",
        };

        var plan = LfsMultipart.Plan(header, size, "test");

        var chunk = chunkText == null ? 4096L : 3000L;
        Assert.Equal(new[] { 1, 2 }, plan.Select(p => p.Number));
        Assert.Equal("https://storage.example/a", plan[0].Url.ToString());
        Assert.Equal(new[] { 0L, chunk }, plan.Select(p => p.Offset));
        Assert.Equal(new[] { chunk, size - chunk }, plan.Select(p => p.Length));
    }

    [Fact]
    public void A_file_slice_reads_only_its_bytes_and_rewinds_for_a_retry()
    {
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        var path = Path.Combine(_temp, "slice.bin");
        File.WriteAllBytes(path, bytes);
        using var slice = new FileSliceStream(path, 4096, 3000);

        var first = new MemoryStream();
        slice.CopyTo(first, 1024);
        slice.Position = 0;
        var again = new MemoryStream();
        slice.CopyTo(again, 700);

        Assert.Equal(3000, slice.Length);
        Assert.Equal(bytes.Skip(4096).Take(3000), first.ToArray());
        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => slice.Position = 3001);
    }

    [Fact]
    public void A_multipart_plan_that_does_not_cover_the_file_is_refused()
    {
        var header = new System.Text.Json.Nodes.JsonObject { ["chunk_size"] = "4096", ["00001"] = "https://storage.example/a" };

        var error = Assert.Throws<HubException>(() => LfsMultipart.Plan(header, 5000, "test"));

        Assert.Equal(HubErrorKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public async Task A_read_token_cannot_upload()
    {
        await using var hub = await H.Start();
        var file = Local("notes.txt", Encoding.UTF8.GetBytes("hello"));

        var refused = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).UploadAsync(HubRepoType.Model, "acme/tiny-gpt", null, new[] { file }, "x"));

        Assert.Equal(HubErrorKind.Forbidden, refused.Kind);
        Assert.Null(hub.Repos.Single(r => r.Id == "acme/tiny-gpt").FindFile("notes.txt"));
    }
}
