using System;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>3.x WebSocket queue (docs/gradio-protocol.md §3.5), the 4.0–4.8 "sse" handshake (docs/gradio-protocol.md §3.6) and the synchronous /run route (docs/gradio-protocol.md §3.7).</summary>
public class LegacyTransportTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task V3_auto_uses_the_websocket()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V3);
        var job = await GradioCaller.SubmitAsync(T.Client(server), "Op1", new object?[] { "1" }, null, cts.Token);
        Assert.Equal("websocket", job.Protocol);
        var events = await T.ReadAll(job, cts.Token);

        Assert.Equal(new[] { "\"Dur:1\"", "\"1\"", "\"Finished\"" }, T.Generated(events));
        Assert.Equal("Finished", T.Text(T.Terminal(events).Data![0]));
        Assert.Contains(events, e => e.Kind == GradioEventKind.Estimation);
        Assert.Contains(events, e => e.Kind == GradioEventKind.Started);
        // The socket is opened with a GET upgrade; no HTTP queue/join POST, no /call.
        Assert.NotEmpty(T.Requests(server, "GET", "/queue/join"));
        Assert.Empty(T.Requests(server, "POST", "/queue/join"));
    }

    [Fact]
    public async Task V3_multi_input_and_gr_Error()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V3));
        Assert.Equal(5, (await T.Result(client, "predict", new object?[] { 2, "add", 3 }, cts.Token))[0]!.GetValue<int>());
        var error = T.Terminal(await T.Run(client, "raise_error", new object?[] { "it's 3.x" }, cts.Token));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Equal("it's 3.x", error.Message);
    }

    [Fact]
    public async Task V3_state_follows_the_session_hash()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V3));
        var options = new CallOptions { SessionHash = T.NewSession() };
        Assert.Equal("You said: a (turn 1)", T.Text((await T.Result(client, "chat", new object?[] { "a" }, cts.Token, options))[0]));
        Assert.Equal("You said: b (turn 2)", T.Text((await T.Result(client, "chat", new object?[] { "b" }, cts.Token, options))[0]));
    }

    [Fact]
    public async Task V3_unnamed_endpoint_by_fn_index()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V3));
        Assert.Equal("SHH", T.Text((await T.Result(client, "7", new object?[] { "shh" }, cts.Token))[0]));
    }

    [Fact]
    public async Task V3_run_posts_fn_index_to_the_unprefixed_route()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V3);
        var client = T.Client(server);
        var session = T.NewSession();
        var options = new CallOptions { Protocol = GradioProtocol.Run, SessionHash = session };
        var job = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 4, "multiply", 5 }, options, cts.Token);
        Assert.Equal("run", job.Protocol);
        Assert.Equal(20, T.Terminal(await T.ReadAll(job, cts.Token)).Data![0]!.GetValue<int>());
        var body = Assert.Single(T.Bodies(server, "/run/predict", session));
        Assert.Equal(1, body["fn_index"]!.GetValue<int>());

        // An unnamed endpoint goes through /run/predict with its own fn_index.
        Assert.Equal("UNNAMED", T.Text((await T.Result(client, "7", new object?[] { "unnamed" }, cts.Token, options))[0]));
        Assert.Contains(T.Bodies(server, "/run/predict", session), b => b["fn_index"]!.GetValue<int>() == 7);
    }

    [Fact]
    public async Task V4_0_auto_uses_the_sse_handshake()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V4_0);
        var session = T.NewSession();
        var job = await GradioCaller.SubmitAsync(T.Client(server), "stream_text", new object?[] { "hey" }, new CallOptions { SessionHash = session }, cts.Token);
        var events = await T.ReadAll(job, cts.Token);

        Assert.Equal(new[] { "\"h\"", "\"he\"", "\"hey\"" }, T.Generated(events));
        Assert.Equal("hey", T.Text(T.Terminal(events).Data![0]));
        Assert.Single(server.Requests, r => r.Method == "GET" && r.PathAndQuery == $"/queue/join?fn_index=2&session_hash={session}");
        var data = Assert.Single(T.Bodies(server, "/queue/data", session));
        Assert.Equal("[\"hey\"]", data["data"]!.ToJsonString());
        Assert.Equal(job.EventId, data["event_id"]!.ToString());
        Assert.Equal(2, data["fn_index"]!.GetValue<int>());
    }

    [Fact]
    public async Task V4_0_state_and_progress()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V4_0));
        var options = new CallOptions { SessionHash = T.NewSession() };
        Assert.Equal(1, (await T.Result(client, "count", Array.Empty<object?>(), cts.Token, options))[0]!.GetValue<int>());
        Assert.Equal(2, (await T.Result(client, "count", Array.Empty<object?>(), cts.Token, options))[0]!.GetValue<int>());

        var events = await T.Run(client, "slow_progress", new object?[] { 2 }, cts.Token);
        Assert.Equal(2, events.Count(e => e.Kind == GradioEventKind.Progress));
        Assert.Equal(new[] { "halfway", "almost done" }, events.Where(e => e.Kind == GradioEventKind.Log).Select(e => e.Message));
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_44)]
    public async Task Run_returns_the_result_synchronously(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        var run = new CallOptions { Protocol = GradioProtocol.Run };
        var events = await T.Run(client, "predict", new object?[] { 3, "add", 4 }, cts.Token, run);
        Assert.Equal(7, Assert.Single(events).Data![0]!.GetValue<int>());
        Assert.NotEmpty(T.Requests(server, "POST", T.Prefix(profile) + "/run/predict"));

        // A generator gives its first value only.
        Assert.Equal("s", T.Text((await T.Result(client, "stream_text", new object?[] { "stream" }, cts.Token, run))[0]));
        // State output dropped.
        Assert.Single(await T.Result(client, "count", Array.Empty<object?>(), cts.Token, run));
    }

    [Theory]
    [InlineData(GradioProfile.V5, "run failure")]
    [InlineData(GradioProfile.V4_44, "it's 4.x")]
    public async Task Run_reports_gr_Error_as_an_error_event(GradioProfile profile, string text)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var error = T.Terminal(await T.Run(client, "raise_error", new object?[] { text }, cts.Token, new CallOptions { Protocol = GradioProtocol.Run }));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Equal(text, error.Message);
    }
}
