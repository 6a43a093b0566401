using System;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>gr.State kept per session hash (docs/gradio-protocol.md §3.11), over the queue and /call.</summary>
public class SessionStateTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static async Task<int> Count(GradioClient client, CallOptions options, CancellationToken ct) =>
        (await T.Result(client, "count", Array.Empty<object?>(), ct, options))[0]!.GetValue<int>();

    [Theory]
    [InlineData(GradioProfile.V4_9, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V4_21, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V4_44, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V5, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V6, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V4_21, GradioProtocol.Call)]
    [InlineData(GradioProfile.V4_44, GradioProtocol.Call)]
    [InlineData(GradioProfile.V5, GradioProtocol.Call)]
    [InlineData(GradioProfile.V6, GradioProtocol.Call)]
    public async Task Same_session_keeps_state_a_new_one_starts_fresh(GradioProfile profile, GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var mine = new CallOptions { Protocol = protocol, SessionHash = T.NewSession() };
        Assert.Equal(1, await Count(client, mine, cts.Token));
        Assert.Equal(2, await Count(client, mine, cts.Token));
        Assert.Equal(3, await Count(client, mine, cts.Token));

        var other = new CallOptions { Protocol = protocol, SessionHash = T.NewSession() };
        Assert.Equal(1, await Count(client, other, cts.Token));
        Assert.Equal(4, await Count(client, mine, cts.Token));
    }

    [Theory]
    [InlineData(GradioProtocol.Queue)]
    [InlineData(GradioProtocol.Call)]
    public async Task Without_a_session_every_call_is_fresh(GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var throwaway = new CallOptions { Protocol = protocol };
        Assert.Equal(1, await Count(client, throwaway, cts.Token));
        Assert.Equal(1, await Count(client, throwaway, cts.Token));
    }

    [Fact]
    public async Task Call_with_a_session_reads_the_stream_keyed_by_the_session_before_6_18()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var session = T.NewSession();
        var job = await GradioCaller.SubmitAsync(T.Client(server), "chat", new object?[] { "yo" }, new CallOptions { Protocol = GradioProtocol.Call, SessionHash = session }, cts.Token);
        Assert.Equal("You said: yo (turn 1)", T.Text(T.Terminal(await T.ReadAll(job, cts.Token)).Data![0]));

        var body = Assert.Single(T.Bodies(server, "/gradio_api/call/chat", session));
        Assert.Equal("[\"yo\",null]", body["data"]!.ToJsonString());
        Assert.Single(server.Requests, r => r.Method == "GET" && r.PathAndQuery == "/gradio_api/call/chat/" + session);
    }

    [Fact]
    public async Task Queue_and_call_share_one_session_state()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var session = T.NewSession();
        var first = await T.Result(client, "chat", new object?[] { "one" }, cts.Token, new CallOptions { Protocol = GradioProtocol.Queue, SessionHash = session });
        var second = await T.Result(client, "chat", new object?[] { "two" }, cts.Token, new CallOptions { Protocol = GradioProtocol.Call, SessionHash = session });
        Assert.Equal("You said: one (turn 1)", T.Text(first[0]));
        Assert.Equal("You said: two (turn 2)", T.Text(second[0]));
    }
}
