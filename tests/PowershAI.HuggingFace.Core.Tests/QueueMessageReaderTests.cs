using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Queue messages (docs/gradio-protocol.md §3.3) into events, message by message.</summary>
public class QueueMessageReaderTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    async Task<QueueMessageReader> Reader(string endpoint, bool diffs)
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(GradioProfile.V5)).GetAppInfoAsync(cts.Token);
        return new QueueMessageReader(app, app.FindEndpoint(endpoint), diffs);
    }

    static JsonObject Msg(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Fact]
    public async Task Estimation_and_start()
    {
        var r = await Reader("stream_text", diffs: true);
        var e = r.Translate(Msg("{\"msg\":\"estimation\",\"event_id\":\"e\",\"rank\":2,\"queue_size\":5,\"rank_eta\":1.5}"))!;
        Assert.Equal((GradioEventKind.Estimation, 2, 5, 1.5), (e.Kind, e.Rank, e.QueueSize, e.Eta));
        // 4.0–4.12 only had queue_eta filled.
        Assert.Equal(7.0, r.Translate(Msg("{\"msg\":\"estimation\",\"rank\":0,\"queue_size\":1,\"rank_eta\":null,\"queue_eta\":7}"))!.Eta);
        Assert.Equal(GradioEventKind.Started, r.Translate(Msg("{\"msg\":\"process_starts\",\"event_id\":\"e\",\"eta\":null}"))!.Kind);
    }

    [Fact]
    public async Task Stream_level_and_handshake_messages()
    {
        var r = await Reader("stream_text", diffs: true);
        Assert.Equal(GradioEventKind.Heartbeat, r.Translate(Msg("{\"msg\":\"heartbeat\"}"))!.Kind);
        Assert.Null(r.Translate(Msg("{\"msg\":\"send_hash\"}")));
        Assert.Null(r.Translate(Msg("{\"msg\":\"something_new\",\"event_id\":\"e\"}")));
        var stop = r.Translate(Msg("{\"msg\":\"unexpected_error\",\"event_id\":null,\"message\":\"404: Session not found.\",\"success\":false}"))!;
        Assert.Equal((GradioEventKind.Error, "404: Session not found.", true), (stop.Kind, stop.Message, stop.ServerFailure));
        Assert.True(r.Translate(Msg("{\"msg\":\"server_stopped\",\"success\":false}"))!.ServerFailure);
        Assert.Equal(GradioErrorKind.QueueFull, Assert.Throws<GradioException>(() => r.Translate(Msg("{\"msg\":\"queue_full\"}"))).Kind);
    }

    [Fact]
    public async Task Completed_success_error_and_cancelled()
    {
        var r = await Reader("count", diffs: true);
        var done = r.Translate(Msg("{\"msg\":\"process_completed\",\"output\":{\"data\":[3,null]},\"success\":true}"))!;
        Assert.Equal("[3]", done.Data!.ToJsonString()); // the State output is dropped
        Assert.False(done.Cancelled);

        var cancelled = r.Translate(Msg("{\"msg\":\"process_completed\",\"output\":{},\"success\":true}"))!;
        Assert.Equal((GradioEventKind.Complete, true), (cancelled.Kind, cancelled.Cancelled));

        var error = r.Translate(Msg("{\"msg\":\"process_completed\",\"output\":{\"error\":\"bad\",\"title\":\"Oops\"},\"success\":false,\"title\":\"Error\"}"))!;
        Assert.Equal((GradioEventKind.Error, "bad", "Oops", false), (error.Kind, error.Message, error.Title, error.ServerFailure));
        var hidden = r.Translate(Msg("{\"msg\":\"process_completed\",\"output\":{\"error\":null},\"success\":false}"))!;
        Assert.Equal((GradioEventKind.Error, (string?)null), (hidden.Kind, hidden.Message));
    }

    [Fact]
    public async Task Diffs_apply_after_the_first_update_only()
    {
        var r = await Reader("stream_text", diffs: true);
        Assert.Equal("[\"H\"]", r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[\"H\"]},\"success\":true}"))!.Data!.ToJsonString());
        Assert.Equal("[\"Hi\"]", r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[[[\"append\",[],\"i\"]]]},\"success\":true}"))!.Data!.ToJsonString());
        Assert.Equal("[\"Hi!\"]", r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[[[\"append\",[],\"!\"]]]},\"success\":true}"))!.Data!.ToJsonString());
        // No edits for an unchanged output.
        Assert.Equal("[\"Hi!\"]", r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[[]]},\"success\":true}"))!.Data!.ToJsonString());
        Assert.Equal(GradioErrorKind.MalformedResponse, Assert.Throws<GradioException>(() => r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[[],[]]},\"success\":true}"))).Kind);
        Assert.Equal(GradioErrorKind.MalformedResponse, Assert.Throws<GradioException>(() => r.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[\"full\"]},\"success\":true}"))).Kind);

        var full = await Reader("stream_text", diffs: false);
        full.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[\"H\"]},\"success\":true}"));
        Assert.Equal("[\"Hi\"]", full.Translate(Msg("{\"msg\":\"process_generating\",\"output\":{\"data\":[\"Hi\"]},\"success\":true}"))!.Data!.ToJsonString());
    }

    [Fact]
    public async Task Progress_and_log()
    {
        var r = await Reader("slow_progress", diffs: true);
        var p = r.Translate(Msg("{\"msg\":\"progress\",\"event_id\":\"e\",\"progress_data\":[{\"index\":1,\"length\":4,\"unit\":\"steps\",\"progress\":null,\"desc\":\"w\"},{\"index\":null,\"length\":null,\"unit\":\"%\",\"progress\":0.5,\"desc\":null}]}"))!;
        Assert.Equal(2, p.Progress!.Count);
        Assert.Equal((1, 4, "steps", "w"), (p.Progress[0].Index!.Value, p.Progress[0].Length!.Value, p.Progress[0].Unit, p.Progress[0].Description));
        Assert.Equal(0.5, p.Progress[1].Progress);
        var log = r.Translate(Msg("{\"msg\":\"log\",\"event_id\":\"e\",\"log\":\"careful\",\"level\":\"warning\",\"duration\":10,\"visible\":true,\"title\":\"T\"}"))!;
        Assert.Equal((GradioEventKind.Log, "careful", "warning", "T"), (log.Kind, log.Message, log.Level, log.Title));
        Assert.Equal("info", r.Translate(Msg("{\"msg\":\"log\",\"log\":\"x\"}"))!.Level);
    }

    [Theory]
    [InlineData("plain", false, "plain")]
    [InlineData("{\"error\":\"inner\"}", false, "inner")]
    [InlineData("null", false, null)]
    [InlineData("'quoted'", false, "'quoted'")]
    [InlineData("'quoted'", true, "quoted")]
    [InlineData("\"it's\"", true, "it's")]
    [InlineData("'say \\\"hi\\\"'", true, "say \"hi\"")]
    [InlineData("'it\\'s'", true, "it's")]
    [InlineData("'line\\nbreak\\ttab'", true, "line\nbreak\ttab")]
    [InlineData("'C:\\\\new\\\\table.csv'", true, "C:\\new\\table.csv")]
    [InlineData("'ends with backslash\\\\'", true, "ends with backslash\\")]
    [InlineData("'carriage\\rreturn'", true, "carriage\rreturn")]
    [InlineData("no quotes", true, "no quotes")]
    public void ErrorText_undoes_python_repr(string raw, bool repr, string? expected)
    {
        // raw is the error string as the server sends it (JSON-decoded), except "null" and objects.
        JsonNode? node = raw == "null" ? null : raw.StartsWith('{') ? JsonNode.Parse(raw) : JsonValue.Create(raw);
        Assert.Equal(expected, QueueMessageReader.ErrorText(node, repr));
    }
}
