using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// A stream faster than its reader: while a reader is reading, the transport keeps at most
/// GradioJob.MaxUnread events ahead of it, and none is lost; with no reader the events wait, all of them.
/// </summary>
public class BackPressureTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    const int Events = 5 * GradioJob.MaxUnread;

    Task<FakeGradioServer> Server() => servers.Get(GradioProfile.V5, "stream", o => o.App = "stream:" + Events);

    [Theory]
    [InlineData(GradioProtocol.Queue)]
    [InlineData(GradioProtocol.Call)]
    public async Task A_reader_that_lags_holds_the_stream_back_and_still_gets_every_event_in_order(GradioProtocol protocol)
    {
        using var cts = T.Deadline(60);
        var client = T.Client(await Server());
        var job = await GradioCaller.SubmitAsync(client, "count", new object?[] { null }, new CallOptions { Protocol = protocol, SessionHash = T.NewSession() }, cts.Token);
        using (job.BeginReading())
        {
            var first = await T.ReadUntil(job, GradioEventKind.Generating, cts.Token);
            Assert.Equal(0, first.Data![0]!.GetValue<int>());
            // The transport stops at MaxUnread events ahead; that one was read before or after it did.
            while (job.Unread < GradioJob.MaxUnread - 1) await Task.Delay(20, cts.Token);
            // The server has sent everything long before this; the transport waits instead of taking it.
            await Task.Delay(300, cts.Token);
            Assert.InRange(job.Unread, GradioJob.MaxUnread - 1, GradioJob.MaxUnread);
            Assert.NotEqual(GradioJobState.Complete, job.State);

            var rest = await T.ReadAll(job, cts.Token);
            var counts = rest.Where(e => e.Kind == GradioEventKind.Generating).Select(e => e.Data![0]!.GetValue<int>()).ToList();
            Assert.Equal(Enumerable.Range(1, Events - 1), counts);
            Assert.Equal(Events - 1, T.Terminal(rest).Data![0]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData(GradioProtocol.Queue)]
    [InlineData(GradioProtocol.Call)]
    public async Task With_no_reader_every_event_waits_and_the_state_reaches_the_end(GradioProtocol protocol)
    {
        using var cts = T.Deadline(60);
        var client = T.Client(await Server());
        var job = await GradioCaller.SubmitAsync(client, "count", new object?[] { null }, new CallOptions { Protocol = protocol, SessionHash = T.NewSession() }, cts.Token);
        job.Receive();
        while (job.State < GradioJobState.Complete) await Task.Delay(20, cts.Token);
        Assert.Equal(GradioJobState.Complete, job.State);
        Assert.True(job.Unread > Events, $"{job.Unread} events wait");
        var events = await T.ReadAll(job, cts.Token);
        Assert.Equal(Events, events.Count(e => e.Kind == GradioEventKind.Generating));
    }

    [Fact]
    public async Task A_queue_stream_that_carries_two_jobs_is_held_back_for_neither()
    {
        // One reader may wait for the other job's results (nested reads): holding the shared
        // stream back for the first would then wait for ever.
        using var cts = T.Deadline(60);
        var client = T.Client(await Server());
        var options = new CallOptions { Protocol = GradioProtocol.Queue, SessionHash = T.NewSession() };
        var first = await GradioCaller.SubmitAsync(client, "count", new object?[] { null }, options, cts.Token);
        using (first.BeginReading())
        {
            await T.ReadUntil(first, GradioEventKind.Generating, cts.Token);
            var second = await GradioCaller.SubmitAsync(client, "count", new object?[] { 3 }, options, cts.Token);
            var events = await T.ReadAll(second, cts.Token);
            Assert.Equal(2, T.Terminal(events).Data![0]!.GetValue<int>());
            while (first.State < GradioJobState.Complete) await Task.Delay(20, cts.Token);
            Assert.True(first.Unread >= Events - 1, $"{first.Unread} events wait");
        }
    }

    [Fact]
    public async Task A_reader_that_stops_lets_the_transport_take_the_rest()
    {
        using var cts = T.Deadline(60);
        var client = T.Client(await Server());
        var job = await GradioCaller.SubmitAsync(client, "count", new object?[] { null }, new CallOptions { Protocol = GradioProtocol.Call, SessionHash = T.NewSession() }, cts.Token);
        using (job.BeginReading())
        {
            await T.ReadUntil(job, GradioEventKind.Generating, cts.Token);
            while (job.Unread < GradioJob.MaxUnread - 1) await Task.Delay(20, cts.Token);
        }
        while (job.State < GradioJobState.Complete) await Task.Delay(20, cts.Token);
        Assert.True(job.Unread >= Events, $"{job.Unread} events wait");
    }
}
