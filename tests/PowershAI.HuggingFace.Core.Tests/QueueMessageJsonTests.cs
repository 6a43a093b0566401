using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Queue messages read from their bytes: a generator's update read for the fields the client uses, any other whole.</summary>
public class QueueMessageJsonTests
{
    static QueueMessage? Parse(string json) => QueueMessageJson.Parse("message", Encoding.UTF8.GetBytes(json));

    static string? Text(byte[]? utf8) => utf8 == null ? null : Encoding.UTF8.GetString(utf8);

    [Fact]
    public void An_update_keeps_the_fields_the_client_reads_and_drops_the_rest()
    {
        var msg = Parse("{\"msg\":\"process_generating\",\"event_id\":\"e1\",\"output\":{\"data\":[[[\"replace\",[],7]],{\"a\":[1,2.5,\"x\",null,true]}],"
            + "\"is_generating\":true,\"duration\":3.2e-05,\"render_config\":null,\"changed_state_ids\":[]},\"success\":true,\"time_limit\":null}")!;
        Assert.Null(msg.Whole);
        Assert.Equal("process_generating", msg.Kind);
        Assert.Equal("e1", msg.EventId);
        // The data's text as sent, left for the job's reader (full values or diffs).
        Assert.Equal("[[[\"replace\",[],7]],{\"a\":[1,2.5,\"x\",null,true]}]", Text(msg.Data));
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_a_null_event_id_stays_null()
    {
        var msg = Parse("{\"output\":{\"is_generating\":true,\"data\":[\"a\"]},\"success\":false,\"event_id\":null,\"msg\":\"process_streaming\"}")!;
        Assert.Null(msg.Whole);
        Assert.Equal("process_streaming", msg.Kind);
        Assert.Null(msg.EventId);
        Assert.Equal("[\"a\"]", Text(msg.Data));
    }

    [Fact]
    public void An_update_without_data_has_none()
    {
        var msg = Parse("{\"msg\":\"process_generating\",\"event_id\":\"e\",\"output\":{\"is_generating\":true}}")!;
        Assert.Null(msg.Whole);
        Assert.Null(msg.Data);
    }

    [Theory]
    [InlineData("{\"msg\":\"process_completed\",\"event_id\":\"e\",\"output\":{\"data\":[1],\"duration\":1},\"success\":true}")]
    [InlineData("{\"msg\":\"estimation\",\"event_id\":\"e\",\"rank\":0,\"queue_size\":1,\"rank_eta\":1.5}")]
    [InlineData("{\"msg\":\"process_generating\",\"event_id\":\"e\",\"output\":{\"error\":\"bad\",\"title\":\"T\"},\"success\":false}")]
    [InlineData("{\"msg\":\"process_generating\",\"event_id\":7,\"output\":{\"data\":[1]}}")]
    [InlineData("{\"msg\":\"process_generating\",\"event_id\":\"e\",\"output\":{\"data\":[1]},\"success\":\"yes\"}")]
    [InlineData("{\"event_id\":\"e\",\"output\":{\"data\":[1]}}")]
    [InlineData("{\"msg\":7}")]
    public void Other_messages_are_read_whole(string json)
    {
        var msg = Parse(json)!;
        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), msg.Whole!.ToJsonString());
        Assert.Equal(msg.Whole["msg"]?.ToString(), msg.Kind);
        Assert.Equal(msg.Whole["event_id"]?.ToString(), msg.EventId);
        Assert.Null(msg.Data);
    }

    [Fact]
    public void JSON_that_is_not_an_object_is_no_message() => Assert.Null(Parse("[1,2]"));

    [Theory]
    [InlineData("{\"msg\":\"process_generating\",\"output\":{\"data\":[1]}} trailing")]
    [InlineData("{\"msg\":\"process_generating\",\"output\":{\"data\":[1}}")]
    [InlineData("not json")]
    public void A_message_that_is_not_JSON_is_malformed(string text)
    {
        var ex = Assert.Throws<GradioException>(() => Parse(text));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public void An_empty_message_has_no_data() => Assert.Null(Parse(""));

    [Fact]
    public void The_per_event_read_is_compiled_optimized_from_its_first_use()
    {
        Assert.Equal(MethodImplOptions.AggressiveOptimization, PerEvent.Compile);
        var update = typeof(QueueMessageJson).GetMethod("Update", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.True(update.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
    }
}
