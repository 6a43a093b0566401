using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// Cancelling (docs/gradio-protocol.md §3.8): POST /cancel from 4.31, dropping the stream or socket before. /long runs for
/// minutes and every function runs one job at a time, so a second /long only starts once the
/// server really stopped the first.
/// </summary>
public class CancelTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static async Task<GradioJob> StartLong(GradioClient client, CallOptions options, CancellationToken ct)
    {
        var job = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), options, ct);
        await T.ReadUntil(job, GradioEventKind.Generating, ct, e => e.Data![0]!.GetValue<long>() >= 2);
        return job;
    }

    static async Task AssertEndsCancelled(GradioJob job, CancellationToken ct)
    {
        var rest = await T.ReadAll(job, ct);
        var last = Assert.Single(rest, e => e.IsTerminal);
        Assert.Same(rest[rest.Count - 1], last);
        Assert.Equal(GradioEventKind.Complete, last.Kind);
        Assert.True(last.Cancelled);
        Assert.True(job.Finished);
        Assert.Null(await job.ReadAsync(ct));
    }

    /// <summary>The function is free again: the cancelled job no longer runs on the server.</summary>
    static async Task AssertServerStopped(GradioClient client, GradioProtocol protocol)
    {
        using var cts = T.Deadline(15);
        var next = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), new CallOptions { Protocol = protocol }, cts.Token);
        try
        {
            await T.ReadUntil(next, GradioEventKind.Generating, cts.Token);
        }
        finally
        {
            await next.CancelAsync();
        }
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V6)]
    [InlineData(GradioProfile.V4_44)]
    public async Task Queue_cancel_posts_cancel_and_ends_cancelled(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        var session = T.NewSession();
        var job = await StartLong(client, new CallOptions { SessionHash = session }, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        var body = Assert.Single(T.Bodies(server, T.Prefix(profile) + "/cancel", session));
        Assert.Equal(13, body["fn_index"]!.GetValue<int>());
        Assert.Equal(job.EventId, body["event_id"]!.ToString());
        await AssertServerStopped(client, GradioProtocol.Queue);
    }

    [Fact]
    public async Task Call_cancel_posts_cancel_with_the_event_id_as_session()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        var job = await StartLong(client, new CallOptions { Protocol = GradioProtocol.Call }, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        var body = Assert.Single(T.Bodies(server, "/gradio_api/cancel", job.EventId));
        Assert.Equal(13, body["fn_index"]!.GetValue<int>());
        Assert.Equal(job.EventId, body["event_id"]!.ToString());
        await AssertServerStopped(client, GradioProtocol.Call);
    }

    [Theory]
    [InlineData(GradioProfile.V4_21)]
    [InlineData(GradioProfile.V4_17)]
    [InlineData(GradioProfile.V4_9)]
    public async Task Before_4_31_the_queue_stream_is_dropped_instead(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        var job = await StartLong(client, new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        Assert.Empty(T.Requests(server, "POST", "/cancel"));
        await AssertServerStopped(client, GradioProtocol.Queue);
    }

    [Theory]
    [InlineData(GradioProfile.V4_0)]
    [InlineData(GradioProfile.V3)]
    public async Task Handshake_protocols_close_the_connection(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        var job = await StartLong(client, new CallOptions(), cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        Assert.Empty(T.Requests(server, "POST", "/cancel"));
        await AssertServerStopped(client, GradioProtocol.Auto);
    }

    [Fact]
    public async Task Cancelling_one_job_leaves_its_session_sibling_running()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "siblings", o => o.StepDelay = TimeSpan.FromMilliseconds(30));
        var client = T.Client(server);
        var options = new CallOptions { SessionHash = T.NewSession() };
        var sibling = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "0123456789" }, options, cts.Token);
        var job = await StartLong(client, options, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        var events = await T.ReadAll(sibling, cts.Token);
        Assert.Equal("0123456789", T.Text(T.Terminal(events).Data![0]));
        Assert.False(T.Terminal(events).Cancelled);
    }

    [Fact]
    public async Task Cancel_after_the_end_sends_nothing()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        var session = T.NewSession();
        var job = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 1, "add", 1 }, new CallOptions { SessionHash = session }, cts.Token);
        var done = T.Terminal(await T.ReadAll(job, cts.Token));
        await job.CancelAsync();
        Assert.Equal(2, done.Data![0]!.GetValue<int>());
        Assert.Empty(T.Bodies(server, "/gradio_api/cancel", session));
        Assert.Null(await job.ReadAsync(cts.Token));
    }

    [Fact]
    public async Task Cancel_before_reading_ends_the_job()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "unread");
        var client = T.Client(server);
        var job = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);
        await AssertServerStopped(client, GradioProtocol.Queue);
    }

    [Fact]
    public async Task Before_4_31_a_sibling_on_the_dropped_stream_fails_as_a_GradioException()
    {
        // Dropping the session stream makes the server drop every job of the session (docs/gradio-protocol.md §3.2), so the
        // sibling cannot finish; the caller, who cancelled nothing, must get a GradioException for it,
        // not an OperationCanceledException that looks like its own cancellation.
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V4_21, "siblings", o => o.StepDelay = TimeSpan.FromMilliseconds(30));
        var client = T.Client(server);
        var options = new CallOptions { SessionHash = T.NewSession() };
        var sibling = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { new string('x', 60) }, options, cts.Token);
        var job = await StartLong(client, options, cts.Token);
        await job.CancelAsync();
        await AssertEndsCancelled(job, cts.Token);

        var ex = await Record.ExceptionAsync(() => T.ReadAll(sibling, cts.Token));
        Assert.False(cts.IsCancellationRequested);
        Assert.IsType<GradioException>(ex);
    }
}
