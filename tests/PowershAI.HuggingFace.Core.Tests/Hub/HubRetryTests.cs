using System;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubRetryTests
{
    [Fact]
    public async Task A_503_then_success_takes_two_requests()
    {
        await using var hub = await H.Start(o => o.InjectStatuses.Enqueue(503));
        var info = await H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt");

        Assert.Equal("acme/tiny-gpt", (string?)info?["id"]);
        Assert.Equal(2, H.To(hub, "/api/models/acme/tiny-gpt").Count);
    }

    [Fact]
    public async Task A_429_with_Retry_After_1_is_retried_after_the_wait()
    {
        await using var hub = await H.Start(o => o.RateLimit.ForceNext(1));
        var me = await H.Client(hub, FakeHubOptions.AliceToken).WhoamiAsync();

        Assert.Equal("alice", (string?)me?["name"]);
        Assert.Equal(2, H.To(hub, "/api/whoami-v2").Count);
    }

    [Fact]
    public async Task The_wait_asked_for_is_read_a_Retry_After_above_the_cap_fails_at_once()
    {
        // Same 1 s Retry-After as above, with the cap below it: only reading the header explains failing here.
        await using var hub = await H.Start(o => o.RateLimit.ForceNext(1));
        var client = H.Client(hub, FakeHubOptions.AliceToken, o => o.MaxRetryWait = TimeSpan.FromMilliseconds(500));
        var ex = await Assert.ThrowsAsync<HubException>(() => client.WhoamiAsync());

        Assert.Equal(HubErrorKind.RateLimited, ex.Kind);
        Assert.Single(H.To(hub, "/api/whoami-v2"));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_cap_fails_fast_saying_when_the_limit_resets()
    {
        await using var hub = await H.Start(o =>
        {
            o.RateLimit.ForcedRetryAfterSeconds = 3600;
            o.RateLimit.ForceNext(1);
        });
        var before = DateTimeOffset.UtcNow;
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt"));

        Assert.Equal(HubErrorKind.RateLimited, ex.Kind);
        Assert.Equal(429, ex.StatusCode);
        Assert.Single(H.To(hub, "/api/models/acme/tiny-gpt"));
        var limit = Assert.IsType<RateLimitInfo>(ex.RateLimit);
        Assert.Equal("api", limit.Bucket);
        Assert.Equal(0, limit.Remaining);
        Assert.Equal(500, limit.Quota);
        Assert.Equal(TimeSpan.FromSeconds(300), limit.Window);
        Assert.Equal(TimeSpan.FromSeconds(3600), limit.RetryAfter);
        Assert.True(limit.ResetsAt >= before.AddSeconds(3600));
        Assert.Contains("Retry after 3600 seconds", ex.Message);
        Assert.Contains("0/500", ex.Message);
    }

    [Fact]
    public async Task Cancelling_interrupts_a_retry_wait()
    {
        await using var hub = await H.Start(o =>
        {
            o.RateLimit.ForcedRetryAfterSeconds = 50; // under the 60 s cap, so the client does wait
            o.RateLimit.ForceNext(1);
        });
        using var deadline = H.Deadline();
        using var cts = new CancellationTokenSource();
        var call = H.Client(hub).GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt", ct: cts.Token);
        await H.Until(() => H.To(hub, "/api/models/acme/tiny-gpt").Count == 1, deadline.Token);
        cts.Cancel();

        // A wait that ignored the token would still be sleeping when the bound runs out (TimeoutException).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Single(H.To(hub, "/api/models/acme/tiny-gpt"));
    }

    [Fact]
    public async Task A_POST_is_not_retried()
    {
        await using var hub = await H.Start(o => o.InjectStatuses.Enqueue(503));
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.AliceToken).RestartSpaceAsync("owner/demo"));

        Assert.Equal(HubErrorKind.ServerError, ex.Kind);
        Assert.Single(H.To(hub, "/api/spaces/owner/demo/restart"));
    }

    [Fact]
    public async Task A_page_after_the_first_is_retried_too()
    {
        FakeHubOptions? options = null;
        await using var hub = await H.Start(o => options = o);
        using var cts = H.Deadline();
        var pages = H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10), cts.Token).GetAsyncEnumerator(cts.Token);
        for (var i = 0; i < 10; i++) Assert.True(await pages.MoveNextAsync());
        lock (options!.InjectStatuses) options.InjectStatuses.Enqueue(502); // the next page's first try fails
        var rest = 0;
        while (await pages.MoveNextAsync()) rest++;
        await pages.DisposeAsync();

        Assert.Equal(19, rest);
        Assert.Equal(4, H.To(hub, "/api/models").Count);
    }
}
