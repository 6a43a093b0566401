using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubRepoManagementTests
{
    [Fact]
    public async Task A_repo_is_created_readable_and_deleted()
    {
        await using var hub = await H.Start();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);

        var created = await alice.CreateRepoAsync(HubRepoType.Dataset, "acme/new-data", isPrivate: true);
        var info = await alice.GetRepoAsync(HubRepoType.Dataset, "acme/new-data");
        var hidden = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Dataset, "acme/new-data"));
        await alice.DeleteRepoAsync(HubRepoType.Dataset, "acme/new-data");
        var gone = await Assert.ThrowsAsync<HubException>(() => alice.GetRepoAsync(HubRepoType.Dataset, "acme/new-data"));

        Assert.Equal("acme/new-data", created?["name"]?.GetValue<string>());
        Assert.EndsWith("/datasets/acme/new-data", created?["url"]?.GetValue<string>());
        Assert.Equal("acme/new-data", info?["id"]?.GetValue<string>());
        Assert.Equal(HubErrorKind.RepoNotFound, hidden.Kind);
        Assert.Equal(HubErrorKind.RepoNotFound, gone.Kind);
        var sent = H.To(hub, "/api/repos/create").Single();
        Assert.Equal("{\"name\":\"new-data\",\"organization\":\"acme\",\"type\":\"dataset\",\"private\":true}", sent.Body);
    }

    [Fact]
    public async Task Creating_fails_with_its_kind_when_the_repo_exists_the_token_cannot_write_or_a_Space_has_no_sdk()
    {
        await using var hub = await H.Start();

        var exists = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.AliceToken).CreateRepoAsync(HubRepoType.Model, "acme/tiny-gpt"));
        var readOnly = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).CreateRepoAsync(HubRepoType.Model, "bob/mine"));
        var noSdk = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.AliceToken).CreateRepoAsync(HubRepoType.Space, "alice/app"));
        var missing = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.AliceToken).DeleteRepoAsync(HubRepoType.Model, "alice/never-made"));

        Assert.Equal(HubErrorKind.Conflict, exists.Kind);
        Assert.Equal(HubErrorKind.Forbidden, readOnly.Kind);
        Assert.Equal(HubErrorKind.InvalidArgument, noSdk.Kind);
        Assert.Equal(HubErrorKind.RepoNotFound, missing.Kind);
        Assert.Equal(3, H.To(hub, "/api/repos/").Count); // the Space without an SDK was never sent
    }

    [Fact]
    public async Task A_Space_is_created_with_its_sdk()
    {
        await using var hub = await H.Start();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);

        await alice.CreateRepoAsync(HubRepoType.Space, "alice/new-app", sdk: "gradio");
        var info = await alice.GetRepoAsync(HubRepoType.Space, "alice/new-app");

        Assert.Equal("gradio", info?["sdk"]?.GetValue<string>());
    }
}
