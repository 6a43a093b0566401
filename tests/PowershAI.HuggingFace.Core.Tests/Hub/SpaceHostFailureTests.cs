using System.Net;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class SpaceHostFailureTests
{
    static GradioException ServiceUnavailable(string url, GradioErrorKind kind = GradioErrorKind.HttpError) =>
        new(kind, "Reading config failed with HTTP 503 Service Unavailable.", status: HttpStatusCode.ServiceUnavailable, target: url);

    [Fact]
    public async Task A_503_from_the_host_of_a_Space_that_is_not_running_names_its_stage_and_the_next_step()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub);
        var host = (await client.GetRepoAsync(HubRepoType.Space, "owner/paused"))!["host"]!.ToString();
        var original = ServiceUnavailable(host + "/config");

        var explained = Assert.IsType<GradioException>(await SpaceHostFailure.ExplainAsync(original, client.Options, default));

        Assert.Equal(GradioErrorKind.SpaceNotRunning, explained.Kind);
        Assert.Contains("PAUSED", explained.Message);
        Assert.Contains("Restart-HuggingFaceSpace owner/paused", explained.Message);
        Assert.Same(original, explained.InnerException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, explained.StatusCode);
    }

    [Fact]
    public async Task A_503_stays_as_it_is_when_the_Space_runs_the_host_is_unknown_or_the_queue_is_full()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub);
        var running = (await client.GetRepoAsync(HubRepoType.Space, "owner/demo"))!["host"]!.ToString();
        var paused = (await client.GetRepoAsync(HubRepoType.Space, "owner/paused"))!["host"]!.ToString();

        foreach (var ex in new[]
        {
            ServiceUnavailable(running + "/config"),
            ServiceUnavailable("http://127.0.0.1:9/elsewhere/config"),
            ServiceUnavailable(paused + "/gradio_api/queue/join", GradioErrorKind.QueueFull),
        })
        {
            Assert.Same(ex, await SpaceHostFailure.ExplainAsync(ex, client.Options, default));
        }
    }

    [Fact]
    public async Task Starting_a_sleeping_Space_wakes_it_once_and_does_not_wait()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub);

        var runtime = await client.StartSpaceAsync("owner/sleepy");

        Assert.Equal("SLEEPING", runtime.Stage);
        Assert.Single(H.To(hub, "/spaces-host/owner/sleepy"));
        Assert.Single(H.To(hub, "/api/spaces/owner/sleepy/runtime"));
        Assert.Equal("APP_STARTING", (await client.GetSpaceRuntimeAsync("owner/sleepy")).Stage);
    }

    [Fact]
    public async Task Starting_a_paused_Space_fails_naming_its_stage()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).StartSpaceAsync("owner/paused"));

        Assert.Equal(HubErrorKind.SpaceNotRunning, ex.Kind);
        Assert.Equal("PAUSED", ex.SpaceStage);
    }
}
