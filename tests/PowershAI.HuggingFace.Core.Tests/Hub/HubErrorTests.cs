using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubErrorTests
{
    [Fact]
    public async Task A_missing_repo_with_a_token_is_RepoNotFound_with_its_id_and_the_request_id()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.AliceToken).GetRepoAsync(HubRepoType.Model, "acme/nope"));

        Assert.Equal(HubErrorKind.RepoNotFound, ex.Kind);
        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("RepoNotFound", ex.ErrorCode);
        Assert.Equal("acme/nope", ex.RepoId);
        Assert.Equal(HubRepoType.Model, ex.RepoType);
        Assert.StartsWith("Root=1-", ex.RequestId);
        Assert.Contains(ex.RequestId!, ex.Message);
        Assert.Contains("model acme/nope", ex.Message);
    }

    [Fact]
    public async Task An_anonymous_401_on_a_private_repo_is_RepoNotFound_not_a_login_problem()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Dataset, "alice/private-dataset"));

        Assert.Equal(HubErrorKind.RepoNotFound, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(HubRepoType.Dataset, ex.RepoType);
        Assert.Contains("no token was sent", ex.Message);
    }

    [Fact]
    public async Task A_refused_token_is_InvalidToken_and_names_where_it_came_from()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, "hf_notarealtoken000000000000000000000").GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt"));

        Assert.Equal(HubErrorKind.InvalidToken, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(HubFailure.InvalidCredentials, ex.ServerMessage);
        Assert.Contains("the -Token parameter", ex.Message);
    }

    [Fact]
    public async Task Whoami_without_a_token_is_AuthenticationRequired()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WhoamiAsync());

        Assert.Equal(HubErrorKind.AuthenticationRequired, ex.Kind);
        Assert.Equal(401, ex.StatusCode);
    }

    [Fact]
    public async Task An_unknown_revision_is_RevisionNotFound()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt", revision: "refs/pr/99"));

        Assert.Equal(HubErrorKind.RevisionNotFound, ex.Kind);
        Assert.Equal("RevisionNotFound", ex.ErrorCode);
        Assert.Contains("refs/pr/99", ex.ServerMessage);
        Assert.Single(H.To(hub, "/api/models/acme/tiny-gpt/revision/refs%2Fpr%2F99"));
    }

    [Fact]
    public async Task A_missing_file_is_EntryNotFound()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetAsync("/acme/tiny-gpt/resolve/main/missing.bin"));

        Assert.Equal(HubErrorKind.EntryNotFound, ex.Kind);
        Assert.Equal("acme/tiny-gpt", ex.RepoId);
    }

    [Fact]
    public async Task Gated_files_are_GatedRepo_401_anonymous_and_403_without_approval_and_readable_when_approved()
    {
        await using var hub = await H.Start();
        const string file = "/contoso/gated-llm/resolve/main/config.json";

        var anonymous = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetAsync(file));
        Assert.Equal(HubErrorKind.GatedRepo, anonymous.Kind);
        Assert.Equal(401, anonymous.StatusCode);

        var bob = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).GetAsync(file));
        Assert.Equal(HubErrorKind.GatedRepo, bob.Kind);
        Assert.Equal(403, bob.StatusCode);
        Assert.Equal("GatedRepo", bob.ErrorCode);
        Assert.Contains("not in the authorized list", bob.ServerMessage);

        using var alice = await H.Client(hub, FakeHubOptions.AliceToken).GetAsync(file);
        Assert.True(alice.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Managing_someone_elses_Space_is_Forbidden()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).RestartSpaceAsync("owner/demo"));

        Assert.Equal(HubErrorKind.Forbidden, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("only its owner", ex.Message);
    }

    [Fact]
    public async Task A_disabled_repo_is_DisabledRepo()
    {
        var disabled = FakeRepo.Model("acme/retired").AddFile("config.json", "{}");
        disabled.Disabled = true;
        await using var hub = await H.Start(o => o.Repos.Add(disabled));
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetAsync("/acme/retired/resolve/main/config.json"));

        Assert.Equal(HubErrorKind.DisabledRepo, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
    }

    [Fact]
    public async Task A_bad_expand_is_BadRequest_with_the_hubs_explanation()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt", expand: new[] { "nonsense" }));

        Assert.Equal(HubErrorKind.BadRequest, ex.Kind);
        Assert.Contains("nonsense", ex.Message);
        Assert.Contains("Valid values are", ex.ServerMessage);
    }

    [Fact]
    public async Task An_unknown_api_path_is_plain_NotFound()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetJsonAsync("/api/nothing-here"));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
        Assert.Null(ex.RepoId);
    }

    [Fact]
    public async Task A_server_error_that_persists_is_ServerError_after_every_attempt()
    {
        await using var hub = await H.Start(o =>
        {
            for (var i = 0; i < 4; i++) o.InjectStatuses.Enqueue(500);
        });
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt"));

        Assert.Equal(HubErrorKind.ServerError, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(4, H.To(hub, "/api/models/acme/tiny-gpt").Count);
    }

    [Fact]
    public async Task A_page_that_is_not_JSON_is_MalformedResponse()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetJsonAsync("/spaces-host/owner/demo"));

        Assert.Equal(HubErrorKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public async Task A_listing_page_that_breaks_off_mid_array_is_MalformedResponse_after_its_whole_items()
    {
        await using var hub = await H.Start(o => o.Repos.Add(FakeRepo.Model("acme/broken-page").AddFile("page.json", "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":")));
        using var deadline = H.Deadline();
        var items = new List<string?>();
        var ex = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var item in H.Client(hub).ListAsync("/acme/broken-page/resolve/main/page.json", ct: deadline.Token)) items.Add((string?)item["id"]);
        });

        Assert.Equal(HubErrorKind.MalformedResponse, ex.Kind);
        Assert.Equal(new[] { "a", "b" }, items);
    }

    [Fact]
    public async Task A_closed_port_is_Unreachable()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub, configure: o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:1/");
            o.MaxAttempts = 2;
        });
        var ex = await Assert.ThrowsAsync<HubException>(() => client.WhoamiAsync());

        Assert.Equal(HubErrorKind.Unreachable, ex.Kind);
        Assert.Contains("127.0.0.1:1", ex.Message);
    }

    [Fact]
    public async Task A_renamed_repo_is_followed_through_its_relative_redirect_keeping_the_token()
    {
        await using var hub = await H.Start(o => o.Renames["acme/old-gpt"] = "acme/tiny-gpt");
        var info = await H.Client(hub, FakeHubOptions.AliceToken).GetRepoAsync(HubRepoType.Model, "acme/old-gpt");

        Assert.Equal("acme/tiny-gpt", (string?)info?["id"]);
        var hops = H.To(hub, "/api/models/acme/");
        Assert.Equal(2, hops.Count);
        Assert.All(hops, r => Assert.Equal("Bearer " + FakeHubOptions.AliceToken, H.Authorization(r)));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b/c")]
    [InlineData("a--b/c")]
    [InlineData("acme/x?y=1")]
    [InlineData("acme/repo.git")]
    public void Malformed_repo_ids_are_refused_before_any_request(string id)
    {
        Assert.Equal(HubErrorKind.InvalidArgument, Assert.Throws<HubException>(() => RepoPath.Validate(id)).Kind);
    }
}
