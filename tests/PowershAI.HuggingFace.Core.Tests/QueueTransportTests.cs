using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The multiplexed queue of 4.9+ (docs/gradio-protocol.md §3.2–3.4): join, shared session stream, diffs, progress, logs, errors.</summary>
public class QueueTransportTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    public static readonly TheoryData<GradioProfile> QueueProfiles = new()
    { GradioProfile.V4_9, GradioProfile.V4_17, GradioProfile.V4_21, GradioProfile.V4_44, GradioProfile.V5, GradioProfile.V6 };

    /// <summary>What /nested yields (FakeApp.Nested), as JSON text per step.</summary>
    static List<string> NestedSteps(string input)
    {
        string S(string status, string items, bool extra) =>
            JsonNode.Parse($"{{\"input\":{input},\"status\":\"{status}\",\"items\":{items}{(extra ? ",\"extra\":{\"a\":1}" : "")}}}")!.ToJsonString();
        return new List<string> { S("start", "[]", false), S("running", "[1]", false), S("running", "[1,2,3]", true), S("done", "[1,3]", false), S("done!", "[3]", false) };
    }

    [Theory]
    [MemberData(nameof(QueueProfiles))]
    public async Task Auto_uses_the_queue_and_sends_a_complete_join_body(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        var session = T.NewSession();
        var job = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 6, "multiply", 7 }, new CallOptions { SessionHash = session }, cts.Token);
        Assert.Equal("queue", job.Protocol);
        Assert.False(string.IsNullOrEmpty(job.EventId));
        var events = await T.ReadAll(job, cts.Token);

        var done = T.Terminal(events);
        Assert.Equal(GradioEventKind.Complete, done.Kind);
        Assert.Equal(42, done.Data![0]!.GetValue<int>());
        Assert.True(job.Finished);

        var body = Assert.Single(T.Bodies(server, T.Prefix(profile) + "/queue/join", session));
        Assert.Equal(1, body["fn_index"]!.GetValue<int>());
        Assert.Equal("[6,\"multiply\",7]", body["data"]!.ToJsonString());
        Assert.True(body.ContainsKey("event_data"));
        Assert.Contains(T.Requests(server, "GET", T.Prefix(profile) + "/queue/data"), r => r.PathAndQuery.Contains("session_hash=" + session, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Event_sequence_estimation_started_generating_complete()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var events = (await T.Run(client, "stream_text", new object?[] { "Hello" }, cts.Token)).Where(e => e.Kind != GradioEventKind.Heartbeat).ToList();

        Assert.Equal(GradioEventKind.Estimation, events[0].Kind);
        Assert.Equal(0, events[0].Rank);
        Assert.Equal(GradioEventKind.Started, events[1].Kind);
        Assert.Equal(new[] { "\"H\"", "\"He\"", "\"Hel\"", "\"Hell\"", "\"Hello\"" }, T.Generated(events));
        Assert.Equal(GradioEventKind.Complete, events[events.Count - 1].Kind);
        Assert.Equal("Hello", T.Text(events[events.Count - 1].Data![0]));
    }

    [Theory]
    [MemberData(nameof(QueueProfiles))]
    public async Task Diffs_give_the_same_values_as_full_updates(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));

        var text = await T.Run(client, "stream_text", new object?[] { "Grüße, 世界" }, cts.Token);
        var expected = Enumerable.Range(1, "Grüße, 世界".Length).Select(i => (string?)JsonValue.Create("Grüße, 世界".Substring(0, i)).ToJsonString()).ToList();
        Assert.Equal(expected, T.Generated(text));
        Assert.Equal("Grüße, 世界", T.Text(T.Terminal(text).Data![0]));

        var input = new JsonObject { ["k"] = new JsonArray(1, "two") };
        var nested = await T.Run(client, "nested", new object?[] { input }, cts.Token);
        var steps = NestedSteps(input.ToJsonString());
        Assert.Equal(steps, T.Generated(nested).Select(s => JsonNode.Parse(s!)!.ToJsonString()));
        Assert.Equal(steps[steps.Count - 1], T.Terminal(nested).Data![0]!.ToJsonString());
    }

    [Fact]
    public async Task Parallel_jobs_on_one_session_each_get_their_own_events()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        var options = new CallOptions { SessionHash = T.NewSession() };

        var submits = await Task.WhenAll(
            GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "abcdefgh" }, options, cts.Token),
            GradioCaller.SubmitAsync(client, "nested", new object?[] { 5 }, options, cts.Token),
            GradioCaller.SubmitAsync(client, "Op1", new object?[] { "3" }, options, cts.Token));
        Assert.Equal(3, submits.Select(j => j.EventId).Distinct().Count());
        var results = await Task.WhenAll(submits.Select(j => T.ReadAll(j, cts.Token)));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => JsonValue.Create("abcdefgh".Substring(0, i)).ToJsonString()), T.Generated(results[0]));
        Assert.Equal(NestedSteps("5"), T.Generated(results[1]).Select(s => JsonNode.Parse(s!)!.ToJsonString()));
        Assert.Equal(new[] { "\"Dur:3\"", "\"1\"", "\"2\"", "\"3\"", "\"Finished\"" }, T.Generated(results[2]));
        Assert.All(results, r => Assert.Equal(GradioEventKind.Complete, T.Terminal(r).Kind));
    }

    [Fact]
    public async Task Jobs_submitted_one_after_another_on_a_session_reopen_the_stream()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var options = new CallOptions { SessionHash = T.NewSession() };
        for (var i = 0; i < 3; i++)
        {
            var result = await T.Result(client, "predict", new object?[] { i, "add", 1 }, cts.Token, options);
            Assert.Equal(i + 1, result[0]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Progress_and_log_events_from_slow_progress()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var events = await T.Run(client, "slow_progress", new object?[] { 4 }, cts.Token);

        var progress = events.Where(e => e.Kind == GradioEventKind.Progress).ToList();
        Assert.Equal(new int?[] { 0, 1, 2, 3 }, progress.Select(p => Assert.Single(p.Progress!).Index));
        Assert.All(progress, p => Assert.Equal(4, p.Progress![0].Length));
        Assert.All(progress, p => Assert.Equal("steps", p.Progress![0].Unit));
        Assert.All(progress, p => Assert.Equal("working", p.Progress![0].Description));

        var logs = events.Where(e => e.Kind == GradioEventKind.Log).ToList();
        Assert.Equal(new[] { "halfway", "almost done" }, logs.Select(l => l.Message));
        Assert.Equal(new[] { "info", "warning" }, logs.Select(l => l.Level));
        Assert.True(events.IndexOf(logs[0]) < events.IndexOf(progress[3]));

        Assert.Equal("done", T.Text(T.Terminal(events).Data![0]));
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V6)]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V4_21)]
    [InlineData(GradioProfile.V4_9)]
    public async Task GrError_text_arrives_without_python_quotes(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        foreach (var text in new[] { "Something broke", "it's \"quoted\"", "it's broken" })
        {
            var error = T.Terminal(await T.Run(client, "raise_error", new object?[] { text }, cts.Token));
            Assert.Equal(GradioEventKind.Error, error.Kind);
            Assert.Equal(text, error.Message);
            Assert.False(error.ServerFailure);
        }
    }

    [Theory]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V4_21)]
    public async Task GrError_with_backslashes_survives_the_repr_unquoting(GradioProfile profile)
    {
        // 4.x sends repr(message): a Windows path's backslashes come doubled, "\n" in a path must not become a newline.
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        const string text = @"Cannot open C:\new\table.csv";
        var error = T.Terminal(await T.Run(client, "raise_error", new object?[] { text }, cts.Token));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Equal(text, error.Message);
    }

    [Fact]
    public async Task GrError_title_on_5x()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var error = T.Terminal(await T.Run(client, "predict", new object?[] { 1, "divide", 0 }, cts.Token));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Equal("Cannot divide by zero!", error.Message);
        Assert.Equal("Error", error.Title);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "plain exception: x")]
    public async Task Plain_exception_text_only_with_show_error(bool showError, string? expected)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5, "show_error=" + showError, o => o.ShowError = showError));
        var error = T.Terminal(await T.Run(client, "raise_exception", new object?[] { "x" }, cts.Token));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_44)]
    public async Task Hidden_endpoint_is_callable_by_name(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var result = await T.Result(client, "hidden_fn", new object?[] { "psst" }, cts.Token);
        Assert.Equal("PSST", T.Text(result[0]));
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_9)]
    public async Task State_slot_is_sent_as_null_and_state_output_is_dropped(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var session = T.NewSession();
        var result = await T.Result(T.Client(server), "chat", new object?[] { "hi" }, cts.Token, new CallOptions { SessionHash = session });
        Assert.Equal("You said: hi (turn 1)", T.Text(Assert.Single(result)));

        var body = Assert.Single(T.Bodies(server, T.Prefix(profile) + "/queue/join", session));
        Assert.Equal("[\"hi\",null]", body["data"]!.ToJsonString());
        Assert.Equal(4, body["fn_index"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(GradioProfile.V5, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V5, GradioProtocol.Call)]
    public async Task Heartbeats_are_delivered_as_events(GradioProfile profile, GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        // A step far longer than the heartbeat interval, so the stream goes quiet.
        var server = await servers.Get(profile, "heartbeat", o =>
        {
            o.StepDelay = TimeSpan.FromMilliseconds(700);
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
        });
        var events = await T.Run(T.Client(server), "stream_text", new object?[] { "ab" }, cts.Token, new CallOptions { Protocol = protocol });
        var first = events.FindIndex(e => e.Kind == GradioEventKind.Generating);
        Assert.True(first >= 0);
        Assert.True(events.Skip(first + 1).Any(e => e.Kind == GradioEventKind.Heartbeat), "A heartbeat arrives while the generator sleeps.");
        Assert.Equal("ab", T.Text(T.Terminal(events).Data![0]));
    }

    [Fact]
    public async Task Explicit_queue_protocol_works_like_auto()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var job = await GradioCaller.SubmitAsync(client, "Op1", new object?[] { "0" }, new CallOptions { Protocol = GradioProtocol.Queue }, cts.Token);
        Assert.Equal("queue", job.Protocol);
        Assert.Equal("Finished", T.Text(T.Terminal(await T.ReadAll(job, cts.Token)).Data![0]));
    }
}
