using System;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The simple REST+SSE API of 4.20+ (docs/gradio-protocol.md §3.1).</summary>
public class CallTransportTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static readonly CallOptions Call = new() { Protocol = GradioProtocol.Call };

    [Theory]
    [InlineData(GradioProfile.V4_21)]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V6)]
    public async Task Call_posts_then_streams_full_values(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var job = await GradioCaller.SubmitAsync(T.Client(server), "stream_text", new object?[] { "abc" }, Call, cts.Token);
        Assert.Equal("call", job.Protocol);
        var events = await T.ReadAll(job, cts.Token);

        Assert.Equal(new[] { "\"a\"", "\"ab\"", "\"abc\"" }, T.Generated(events));
        Assert.Equal("abc", T.Text(T.Terminal(events).Data![0]));
        // No estimation, progress or start events on this route.
        Assert.DoesNotContain(events, e => e.Kind is GradioEventKind.Estimation or GradioEventKind.Started);

        var prefix = T.Prefix(profile);
        var post = Assert.Single(T.Bodies(server, prefix + "/call/stream_text"), b => b["data"]!.ToJsonString() == "[\"abc\"]");
        Assert.False(post.ContainsKey("session_hash"), "Without a chosen session the POST carries none.");
        Assert.Single(server.Requests, r => r.Method == "GET" && r.PathAndQuery == $"{prefix}/call/stream_text/{job.EventId}");
    }

    [Fact]
    public async Task Call_on_a_multi_input_endpoint()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var result = await T.Result(client, "predict", new object?[] { 2.5, "subtract", 1 }, cts.Token, Call);
        Assert.Equal(1.5, result[0]!.GetValue<double>());
    }

    [Theory]
    [InlineData(GradioProfile.V4_17)]
    [InlineData(GradioProfile.V4_9)]
    [InlineData(GradioProfile.V4_0)]
    [InlineData(GradioProfile.V3)]
    public async Task Call_before_4_20_is_ProtocolNotSupported_and_sends_nothing(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;

        var ex = await Assert.ThrowsAsync<GradioException>(() => GradioCaller.SubmitAsync(client, "predict", new object?[] { 1, "add", 2 }, Call, cts.Token));
        Assert.Equal(GradioErrorKind.ProtocolNotSupported, ex.Kind);
        Assert.Contains("4.20", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, server.Requests.Count);
    }

    [Fact]
    public async Task GrError_over_call_carries_no_text_before_6_13()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var error = T.Terminal(await T.Run(client, "raise_error", new object?[] { "visible only on the queue" }, cts.Token, Call));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Null(error.Message);
        Assert.False(error.ServerFailure);
    }

    [Fact]
    public async Task State_outputs_are_removed_and_state_slot_sent_as_null()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var result = await T.Result(T.Client(server), "count", Array.Empty<object?>(), cts.Token, Call);
        Assert.Equal(1, Assert.Single(result)!.GetValue<int>());
        Assert.Contains(T.Bodies(server, "/gradio_api/call/count"), b => b["data"]!.ToJsonString() == "[null]");
    }

    [Fact]
    public async Task Hidden_endpoint_over_call()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        Assert.Equal("QUIET", T.Text((await T.Result(client, "hidden_fn", new object?[] { "quiet" }, cts.Token, Call))[0]));
    }

    [Fact]
    public async Task Attach_reads_a_call_job_by_event_id()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var submitted = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 20, "add", 22 }, Call, cts.Token);
        // Read nothing from the first job: a second reader attaches by event id (PowershAI's -EventId).
        var attached = await GradioCaller.AttachAsync(client, "predict", submitted.EventId!, null, GradioProtocol.Auto, cts.Token);
        Assert.Equal("call", attached.Protocol);
        var done = T.Terminal(await T.ReadAll(attached, cts.Token));
        Assert.Equal(42, done.Data![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Attach_to_a_queued_job_needs_the_session_hash()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var ex = await Assert.ThrowsAsync<GradioException>(() => GradioCaller.AttachAsync(client, "predict", "abc", null, GradioProtocol.Queue, cts.Token));
        Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
    }

    [Fact]
    public async Task Attach_to_a_queued_job_by_session()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var session = T.NewSession();
        var submitted = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "xyz" }, new CallOptions { SessionHash = session }, cts.Token);
        var attached = await GradioCaller.AttachAsync(client, "stream_text", submitted.EventId!, session, GradioProtocol.Auto, cts.Token);
        Assert.Equal("queue", attached.Protocol);
        var events = await T.ReadAll(attached, cts.Token);
        Assert.Equal("xyz", T.Text(T.Terminal(events).Data![0]));
    }

    [Fact]
    public async Task The_first_handle_of_a_queued_job_ends_when_another_is_attached()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var session = T.NewSession();
        var submitted = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "abc" }, new CallOptions { SessionHash = session }, cts.Token);
        var attached = await GradioCaller.AttachAsync(client, "stream_text", submitted.EventId!, session, GradioProtocol.Auto, cts.Token);
        var ex = await Assert.ThrowsAsync<GradioException>(() => submitted.ReadAsync(cts.Token).AsTask());
        Assert.Contains("Another handle", ex.Message);
        Assert.Equal("abc", T.Text(T.Terminal(await T.ReadAll(attached, cts.Token)).Data![0]));
    }
}
