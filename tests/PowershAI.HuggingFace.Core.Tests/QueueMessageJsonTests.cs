using System.Text;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Queue messages read from their bytes: a generator's update read for the fields the client uses, any other whole.</summary>
public class QueueMessageJsonTests
{
    static JsonNode? Parse(string json) => QueueMessageJson.Parse("message", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_update_keeps_the_fields_the_client_reads_and_drops_the_rest()
    {
        var msg = Parse("{\"msg\":\"process_generating\",\"event_id\":\"e1\",\"output\":{\"data\":[[[\"replace\",[],7]],{\"a\":[1,2.5,\"x\",null,true]}],"
            + "\"is_generating\":true,\"duration\":3.2e-05,\"render_config\":null,\"changed_state_ids\":[]},\"success\":true,\"time_limit\":null}");
        Assert.Equal("{\"msg\":\"process_generating\",\"event_id\":\"e1\",\"output\":{\"data\":[[[\"replace\",[],7]],{\"a\":[1,2.5,\"x\",null,true]}]},\"success\":true}",
            msg!.ToJsonString());
        // The data is parsed as a whole parse would: its numbers keep their JSON text.
        Assert.Equal(JsonNode.Parse("{\"data\":[[[\"replace\",[],7]],{\"a\":[1,2.5,\"x\",null,true]}]}")!["data"]!.ToJsonString(), msg["output"]!["data"]!.ToJsonString());
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_a_null_event_id_stays_null()
    {
        var msg = Parse("{\"output\":{\"is_generating\":true,\"data\":[\"a\"]},\"success\":false,\"event_id\":null,\"msg\":\"process_streaming\"}")!;
        Assert.Equal("process_streaming", msg["msg"]!.ToString());
        Assert.Null(msg["event_id"]);
        Assert.Equal("[\"a\"]", msg["output"]!["data"]!.ToJsonString());
        Assert.False(msg["success"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{\"msg\":\"process_completed\",\"event_id\":\"e\",\"output\":{\"data\":[1],\"duration\":1},\"success\":true}")]
    [InlineData("{\"msg\":\"estimation\",\"event_id\":\"e\",\"rank\":0,\"queue_size\":1,\"rank_eta\":1.5}")]
    [InlineData("{\"msg\":\"process_generating\",\"event_id\":\"e\",\"output\":{\"error\":\"bad\",\"title\":\"T\"},\"success\":false}")]
    [InlineData("{\"event_id\":\"e\",\"output\":{\"data\":[1]}}")]
    [InlineData("{\"msg\":7}")]
    [InlineData("[1,2]")]
    public void Other_messages_are_read_whole(string json) => Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), Parse(json)!.ToJsonString());

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
}
