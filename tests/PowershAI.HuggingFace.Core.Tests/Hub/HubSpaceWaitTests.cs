using System;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubSpaceWaitTests
{
    [Fact]
    public async Task A_sleeping_Space_is_woken_once_and_waited_for_until_running()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var progress = new Recorder<SpaceStageUpdate>();
        var runtime = await H.Client(hub).WaitForSpaceAsync("owner/sleepy", TimeSpan.FromSeconds(20), progress, cts.Token);

        Assert.Equal("RUNNING", runtime.Stage);
        Assert.Equal(new[] { "SLEEPING", "APP_STARTING", "RUNNING" }, progress.Items.Select(u => u.Stage));
        Assert.Equal(new[] { 1, 2, 3 }, progress.Items.Select(u => u.Poll));
        Assert.True(progress.Items[0].Waking);
        Assert.Single(H.To(hub, "/spaces-host/owner/sleepy"));
    }

    [Fact]
    public async Task Without_waking_a_sleeping_Space_fails_naming_its_stage_and_is_left_asleep()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("owner/sleepy", TimeSpan.FromSeconds(20), wake: false));

        Assert.Equal(HubErrorKind.SpaceNotRunning, ex.Kind);
        Assert.Equal("SLEEPING", ex.SpaceStage);
        Assert.Empty(H.To(hub, "/spaces-host/"));
    }

    [Fact]
    public async Task A_crashed_Space_fails_at_once_naming_RUNTIME_ERROR_and_its_message()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("owner/broken", TimeSpan.FromSeconds(20)));

        Assert.Equal(HubErrorKind.SpaceNotRunning, ex.Kind);
        Assert.Equal("RUNTIME_ERROR", ex.SpaceStage);
        Assert.Contains("RUNTIME_ERROR", ex.Message);
        Assert.Contains("No module named 'transformers'", ex.Message);
        Assert.Equal("owner/broken", ex.RepoId);
        Assert.Single(H.To(hub, "/api/spaces/owner/broken/runtime"));
    }

    [Fact]
    public async Task A_failed_build_fails_naming_BUILD_ERROR()
    {
        await using var hub = await H.Start();
        // The seeded Space has no errorMessage; SetStage gives it one.
        hub.SetStage("contoso/build-fails", "BUILD_ERROR", "pip install failed: no matching distribution for torch==0.0");
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("contoso/build-fails", TimeSpan.FromSeconds(20)));

        Assert.Equal("BUILD_ERROR", ex.SpaceStage);
        Assert.Equal("pip install failed: no matching distribution for torch==0.0", ex.ServerMessage);
        Assert.Contains("its build failed: pip install failed", ex.Message);
    }

    [Fact]
    public async Task A_paused_Space_fails_at_once()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("owner/paused", TimeSpan.FromSeconds(20)));

        Assert.Equal(HubErrorKind.SpaceNotRunning, ex.Kind);
        Assert.Equal("PAUSED", ex.SpaceStage);
        Assert.Contains("owner", ex.Message);
        Assert.Single(H.To(hub, "/api/spaces/owner/paused/runtime"));
    }

    [Fact]
    public async Task A_Space_that_stays_building_times_out_naming_the_stage()
    {
        await using var hub = await H.Start();
        hub.SetStage("owner/demo", "BUILDING");
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("owner/demo", TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(HubErrorKind.Timeout, ex.Kind);
        Assert.Equal("BUILDING", ex.SpaceStage);
        Assert.Contains("BUILDING", ex.Message);
        Assert.True(H.To(hub, "/api/spaces/owner/demo/runtime").Count >= 2);
    }

    [Fact]
    public async Task A_restart_is_waited_through_BUILDING_and_APP_STARTING()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub, FakeHubOptions.AliceToken);
        var restarted = await client.RestartSpaceAsync("owner/demo");
        var progress = new Recorder<SpaceStageUpdate>();
        var runtime = await client.WaitForSpaceAsync("owner/demo", TimeSpan.FromSeconds(20), progress);

        Assert.Equal("BUILDING", restarted.Stage);
        Assert.Equal("RUNNING", runtime.Stage);
        Assert.Equal(new[] { "BUILDING", "APP_STARTING", "RUNNING" }, progress.Items.Select(u => u.Stage));
    }

    [Fact]
    public async Task A_pause_that_runs_out_the_time_leaves_one_poll_then_the_wait_times_out()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub, FakeHubOptions.AliceToken, o => o.SpacePollInterval = TimeSpan.FromSeconds(30));
        await client.RestartSpaceAsync("owner/demo");
        var progress = new Recorder<SpaceStageUpdate>();
        var ex = await Assert.ThrowsAsync<HubException>(() => client.WaitForSpaceAsync("owner/demo", TimeSpan.FromMilliseconds(300), progress).WaitAsync(TimeSpan.FromSeconds(15)));

        // RUNNING would have been the third poll: a pause that ended a fraction early gave time for it.
        Assert.Equal(HubErrorKind.Timeout, ex.Kind);
        Assert.Equal("APP_STARTING", ex.SpaceStage);
        Assert.Equal(new[] { "BUILDING", "APP_STARTING" }, progress.Items.Select(u => u.Stage));
    }

    [Fact]
    public async Task RUNNING_BUILDING_is_waited_through()
    {
        await using var hub = await H.Start();
        hub.SetStage("owner/demo", "RUNNING_BUILDING");
        var progress = new Recorder<SpaceStageUpdate>();
        var ex = await Assert.ThrowsAsync<HubException>(() => H.Client(hub).WaitForSpaceAsync("owner/demo", TimeSpan.FromMilliseconds(200), progress).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(HubErrorKind.Timeout, ex.Kind);
        Assert.All(progress.Items, u => Assert.Equal("RUNNING_BUILDING", u.Stage));
    }

    [Fact]
    public async Task Pause_and_runtime_report_the_stage()
    {
        await using var hub = await H.Start();
        var client = H.Client(hub, FakeHubOptions.AliceToken);
        var paused = await client.PauseSpaceAsync("owner/demo");
        var runtime = await client.GetSpaceRuntimeAsync("owner/demo");

        Assert.Equal("PAUSED", paused.Stage);
        Assert.Equal("PAUSED", runtime.Stage);
        Assert.Equal("cpu-basic", runtime.RequestedHardware);
    }

    [Fact]
    public async Task Waking_ignores_a_host_that_fails()
    {
        await using var hub = await H.Start();
        hub.SetGradioHost("owner/sleepy", new Uri("http://127.0.0.1:1/"));

        Assert.False(await H.Client(hub).WakeSpaceAsync("owner/sleepy"));
        Assert.True(await H.Client(hub).WakeSpaceAsync("owner/demo"));
    }
}
