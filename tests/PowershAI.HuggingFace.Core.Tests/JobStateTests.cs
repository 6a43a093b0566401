using System;
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

    /// <summary>
    /// A job whose server already sent its own "cancelled" end, and whose producer has not closed
    /// the stream yet, when the client's cancel publishes its end too.
    /// </summary>
    sealed class EndedByServerJob(GradioClient client, AppInfo app) : GradioJob(client, app, app.Endpoints[0], "s", "call")
    {
        protected override void StartProducing() => Publish(new GradioEvent(GradioEventKind.Complete) { Cancelled = true });

        protected override Task CancelOnServerAsync(CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_job_ends_once_when_the_server_s_cancelled_end_races_the_client_s()
    {
        using var cts = T.Deadline();
        var job = new EndedByServerJob(T.Client(Gen.Root.AbsoluteUri), Gen.OneEndpoint("/long"));
        job.Receive();
        await job.CancelAsync();
        var events = await T.ReadAll(job, cts.Token);
        Assert.True(Assert.Single(events, e => e.IsTerminal).Cancelled);
        Assert.Equal(GradioJobState.Cancelled, job.State);
    }
}
