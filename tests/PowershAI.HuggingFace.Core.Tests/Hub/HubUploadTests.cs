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
    public async Task A_read_token_cannot_upload()
    {
        await using var hub = await H.Start();
        var file = Local("notes.txt", Encoding.UTF8.GetBytes("hello"));

        var refused = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).UploadAsync(HubRepoType.Model, "acme/tiny-gpt", null, new[] { file }, "x"));

        Assert.Equal(HubErrorKind.Forbidden, refused.Kind);
        Assert.Null(hub.Repos.Single(r => r.Id == "acme/tiny-gpt").FindFile("notes.txt"));
    }
}
