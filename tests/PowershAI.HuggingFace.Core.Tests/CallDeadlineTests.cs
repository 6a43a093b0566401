using System;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>-MaxDurationSec's core: an overall bound on a call that fails as Timeout and cancels the job on the server.</summary>
public class CallDeadlineTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Work_still_running_when_the_time_is_up_fails_as_Timeout()
    {
        using var cts = T.Deadline();
        using var deadline = new CallDeadline(TimeSpan.FromMilliseconds(100));
        var ex = await Assert.ThrowsAsync<GradioException>(() => deadline.RunAsync<bool>("/x", async t =>
        {
            await Task.Delay(Timeout.Infinite, t);
            return true;
        }, cts.Token));
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
        Assert.Equal("/x did not finish within 0.1 s.", ex.Message);
        Assert.True(deadline.Expired);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var stop = new CancellationTokenSource();
        using var deadline = new CallDeadline(TimeSpan.FromMinutes(5));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadline.RunAsync("/x", t => Task.Delay(Timeout.Infinite, t).ContinueWith(_ => true, t), stop.Token));
        Assert.False(deadline.Expired);
    }

    [Fact]
    public async Task Without_a_limit_nothing_changes()
    {
        using var cts = T.Deadline();
        using var deadline = new CallDeadline(null);
        Assert.Equal(42, await deadline.RunAsync("/x", _ => Task.FromResult(42), cts.Token));
        Assert.False(deadline.Expired);
        Assert.Equal(default, deadline.CancelOnExpiry(null!));
    }

    [Fact]
    public async Task A_job_still_running_when_the_time_is_up_is_cancelled_on_the_server()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var session = T.NewSession();
        // /long runs for minutes; the deadline starts once it is submitted, so a slow start cannot use it up.
        var job = await GradioCaller.SubmitAsync(T.Client(server), "long", Array.Empty<object?>(), new CallOptions { SessionHash = session }, cts.Token);
        using var deadline = new CallDeadline(TimeSpan.FromMilliseconds(500));
        using (deadline.CancelOnExpiry(job))
        {
            var events = await T.ReadAll(job, cts.Token);
            Assert.True(events[events.Count - 1].Cancelled);
        }
        Assert.True(deadline.Expired);
        var body = Assert.Single(T.Bodies(server, "/gradio_api/cancel", session));
        Assert.Equal(job.EventId, body["event_id"]!.ToString());
        Assert.Equal("/long did not finish within 0.5 s; its job was cancelled on the server.", deadline.Failure("/long", jobCancelled: true).Message);
    }
}
