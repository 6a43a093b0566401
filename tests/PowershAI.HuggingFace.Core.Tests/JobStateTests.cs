using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Tests.CodeGenTests;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>A job's state follows its events once it receives them, whether or not anything reads them.</summary>
public class JobStateTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static async Task<GradioJobState> WaitForEnd(GradioJob job, CancellationToken ct)
    {
        while (job.State < GradioJobState.Complete) await Task.Delay(20, ct);
        return job.State;
    }

    [Theory]
    [InlineData(GradioProtocol.Queue)]
    [InlineData(GradioProtocol.Call)]
    public async Task A_received_job_ends_complete_without_a_reader_and_its_events_still_wait_for_one(GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var job = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 2, "add", 3 }, new CallOptions { Protocol = protocol, SessionHash = T.NewSession() }, cts.Token);
        Assert.Equal(GradioJobState.Pending, job.State);
        job.Receive();
        Assert.Equal(GradioJobState.Complete, await WaitForEnd(job, cts.Token));
        var events = await T.ReadAll(job, cts.Token);
        Assert.Equal(GradioEventKind.Complete, T.Terminal(events).Kind);
    }

    [Fact]
    public async Task A_gr_Error_ends_the_state_as_Error_and_a_cancel_as_Cancelled()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var failing = await GradioCaller.SubmitAsync(client, "raise_error", new object?[] { "boom" }, new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        failing.Receive();
        Assert.Equal(GradioJobState.Error, await WaitForEnd(failing, cts.Token));

        var running = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        running.Receive();
        while (running.State != GradioJobState.Running) await Task.Delay(20, cts.Token);
        await running.CancelAsync();
        Assert.Equal(GradioJobState.Cancelled, running.State);
    }

    /// <summary>A job whose events the test publishes on its first read; its stream stays open.</summary>
    sealed class ScriptedJob(GradioClient client, AppInfo app, Action<GradioJob> produce) : GradioJob(client, app, app.Endpoints[0], "s", "call")
    {
        protected override void StartProducing() => produce(this);

        protected override Task CancelOnServerAsync(CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_job_ends_once_when_the_server_s_cancelled_end_races_the_client_s()
    {
        using var cts = T.Deadline();
        // The server already sent its own "cancelled" end, and the producer has not closed the
        // stream yet, when the client's cancel publishes its end too.
        var job = new ScriptedJob(T.Client(Gen.Root.AbsoluteUri), Gen.OneEndpoint("/long"), j => j.Publish(new GradioEvent(GradioEventKind.Complete) { Cancelled = true }));
        job.Receive();
        await job.CancelAsync();
        var events = await T.ReadAll(job, cts.Token);
        Assert.True(Assert.Single(events, e => e.IsTerminal).Cancelled);
        Assert.Equal(GradioJobState.Cancelled, job.State);
    }

    [Fact]
    public async Task A_cancelled_read_ends_with_the_cancellation_even_with_events_waiting_and_takes_none()
    {
        using var cts = T.Deadline();
        var job = new ScriptedJob(T.Client(Gen.Root.AbsoluteUri), Gen.OneEndpoint("/long"), j =>
        {
            for (var i = 0; i < 3; i++) j.Publish(new GradioEvent(GradioEventKind.Generating) { Data = new JsonArray(JsonValue.Create(i)) });
        });
        job.Receive();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.ReadAsync(cancelled.Token).AsTask());
        Assert.Equal(3, job.Unread);
        var first = await job.ReadAsync(cts.Token);
        Assert.Equal(0, first!.Data![0]!.GetValue<int>());
        Assert.Equal(2, job.Unread);
    }
}
