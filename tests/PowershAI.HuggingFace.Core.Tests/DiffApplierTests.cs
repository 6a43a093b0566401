using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The edit lists of sse_v2+ generator updates (docs/gradio-protocol.md §3.4), read from their text.</summary>
public class DiffApplierTests
{
    /// <summary>One output's value after its edits (an update of one output).</summary>
    static JsonNode? Apply(string value, string edits) => ApplyAll(new JsonArray(JsonNode.Parse(value)), "[" + edits + "]")[0];

    static JsonArray ApplyAll(JsonArray previous, string data) => DiffApplier.ApplyAll(previous, Encoding.UTF8.GetBytes(data));

    static void Same(string expected, JsonNode? actual) => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}, got {actual?.ToJsonString() ?? "null"}");

    [Fact]
    public void Doc_example_append_to_string_at_root() => Same("\"Hello\"", Apply("\"Hel\"", "[[\"append\", [], \"lo\"]]"));

    [Fact]
    public void Doc_example_chat_history_gains_a_message()
    {
        var history = "[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"user\",\"content\":\"c\"}]";
        Same("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"user\",\"content\":\"c\"},{\"role\":\"assistant\",\"content\":\"Hi\"}]",
            Apply(history, "[[\"add\", [3], {\"role\": \"assistant\", \"content\": \"Hi\"}]]"));
    }

    [Fact]
    public void Doc_example_append_inside_a_chat_message()
    {
        var history = "[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]";
        Same("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"assistant\",\"content\":\"Hello there\"}]",
            Apply(history, "[[\"append\", [2, \"content\"], \" there\"]]"));
    }

    [Fact]
    public void Replace_at_root_changes_type() => Same("{\"a\":1}", Apply("\"text\"", "[[\"replace\", [], {\"a\": 1}]]"));

    [Fact]
    public void Replace_at_root_with_null() => Same("null", Apply("[1,2]", "[[\"replace\", [], null]]"));

    [Fact]
    public void Replace_list_item_and_dict_key() =>
        Same("{\"a\":[1,\"x\",3],\"b\":false}", Apply("{\"a\":[1,2,3],\"b\":true}", "[[\"replace\", [\"a\", 1], \"x\"], [\"replace\", [\"b\"], false]]"));

    [Fact]
    public void Append_to_string_in_nested_list() =>
        Same("[[\"ab\",\"cdef\"]]", Apply("[[\"ab\",\"cd\"]]", "[[\"append\", [0, 1], \"ef\"]]"));

    [Fact]
    public void Append_list_to_list_concatenates() => Same("[1,2,3,4]", Apply("[1,2]", "[[\"append\", [], [3, 4]]]"));

    [Fact]
    public void Append_to_a_dict_value() => Same("{\"k\":\"v1v2\"}", Apply("{\"k\":\"v1\"}", "[[\"append\", [\"k\"], \"v2\"]]"));

    [Fact]
    public void Add_inserts_into_list_at_index() => Same("[1,9,2]", Apply("[1,2]", "[[\"add\", [1], 9]]"));

    [Fact]
    public void Add_at_end_of_list() => Same("[1,2,3]", Apply("[1,2]", "[[\"add\", [2], 3]]"));

    [Fact]
    public void Add_sets_new_dict_key() => Same("{\"a\":1,\"b\":{\"c\":[]}}", Apply("{\"a\":1}", "[[\"add\", [\"b\"], {\"c\": []}]]"));

    [Fact]
    public void Delete_list_index_and_dict_key() =>
        Same("{\"items\":[1,3]}", Apply("{\"items\":[1,2,3],\"extra\":{\"a\":1}}", "[[\"delete\", [\"items\", 1], null], [\"delete\", [\"extra\"], null]]"));

    [Fact]
    public void Deletes_in_order_use_lowered_indices()
    {
        // [1,2,3,4] -> [1]: the server emits delete [1] three times (each lowered by the ones before).
        Same("[1]", Apply("[1,2,3,4]", "[[\"delete\", [1], null], [\"delete\", [1], null], [\"delete\", [1], null]]"));
    }

    [Fact]
    public void Deep_mixed_path()
    {
        var value = "{\"a\":[{\"b\":{\"c\":[\"x\"]}}]}";
        Same("{\"a\":[{\"b\":{\"c\":[\"xy\",\"z\"]}}]}", Apply(value, "[[\"append\", [\"a\", 0, \"b\", \"c\", 0], \"y\"], [\"add\", [\"a\", 0, \"b\", \"c\", 1], \"z\"]]"));
    }

    [Fact]
    public void The_nested_endpoint_sequence_applies_cleanly()
    {
        // What the fake's /nested generator produces between its third and fourth yield.
        var before = "{\"input\":1,\"status\":\"running\",\"items\":[1,2,3],\"extra\":{\"a\":1}}";
        var edits = "[[\"replace\", [\"status\"], \"done\"], [\"replace\", [\"items\", 1], 3], [\"delete\", [\"items\", 2], null], [\"delete\", [\"extra\"], null]]";
        Same("{\"input\":1,\"status\":\"done\",\"items\":[1,3]}", Apply(before, edits));
    }

    [Fact]
    public void String_list_index_is_accepted() => Same("[1,7]", Apply("[1,2]", "[[\"replace\", [\"1\"], 7]]"));

    [Fact]
    public void Empty_edit_list_keeps_value() => Same("{\"a\":1}", Apply("{\"a\":1}", "[]"));

    [Theory]
    [InlineData("{\"a\":[1,2]}", "[[\"append\", [\"a\"], [3]]]")]
    [InlineData("{\"a\":[1,2]}", "[[\"replace\", [], {\"b\":1}], [\"add\", [\"c\"], 2]]")]
    [InlineData("{\"a\":[1,2]}", "[]")]
    public void The_previous_value_is_left_as_it_was_and_shares_no_node_with_the_result(string value, string edits)
    {
        var previous = new JsonArray(JsonNode.Parse(value));
        var result = ApplyAll(previous, "[" + edits + "]");
        Assert.Equal(value, previous[0]!.ToJsonString());
        ((JsonObject)result[0]!)["z"] = 0;
        Assert.Equal(value, previous[0]!.ToJsonString());
    }

    [Fact]
    public void Every_output_gets_its_own_edits() =>
        Same("[\"ab\",7,[1]]", ApplyAll(new JsonArray("a", 5, new JsonArray(1)), "[[[\"append\",[],\"b\"]],[[\"replace\",[],7]],[]]"));

    [Theory]
    [InlineData("12345678901")]
    [InlineData("2.50")]
    [InlineData("1e400")]
    [InlineData("{\"k\":[1,\"x\"]}")]
    [InlineData("[1,{\"k\":null}]")]
    public void Numbers_lists_and_dicts_are_the_nodes_JsonNode_Parse_makes(string json)
    {
        var value = Apply("0", "[[\"replace\", [], " + json + "]]")!;
        var parsed = JsonNode.Parse(json)!;
        Assert.Equal(parsed.GetType(), value.GetType());
        Assert.Equal(parsed.ToJsonString(), value.ToJsonString());
    }

    [Fact]
    public void Texts_and_booleans_are_values_as_an_appended_text_is()
    {
        Assert.Equal("tok\u00E9n", Apply("\"\"", "[[\"replace\", [], \"tok\\u00e9n\"]]")!.GetValue<string>());
        Assert.Equal(Apply("\"a\"", "[[\"append\", [], \"b\"]]")!.GetType(), Apply("0", "[[\"replace\", [], \"ab\"]]")!.GetType());
        Assert.True(Apply("false", "[[\"replace\", [], true]]")!.GetValue<bool>());
    }

    [Fact]
    public void A_whole_number_reads_as_any_integer_type() => Assert.Equal(7, Apply("0", "[[\"replace\", [], 7]]")!.GetValue<int>());

    [Fact]
    public void Items_after_an_edits_value_are_ignored() => Same("[1,9]", Apply("[1,2]", "[[\"replace\", [1], 9, {\"more\": [1]}, 3]]"));

    [Theory]
    [InlineData("[[]]")]                        // one output's edits for two outputs
    [InlineData("[[],[],[]]")]                  // three
    [InlineData("{}")]                          // not a list
    [InlineData("[[], 1]")]                     // an output's edits that are not a list
    [InlineData("[[[\"replace\", [], 1]], [")] // not JSON
    public void Updates_of_the_wrong_shape_fail_as_MalformedResponse(string data)
    {
        var ex = Assert.Throws<GradioException>(() => ApplyAll(new JsonArray(1, 2), data));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }

    [Theory]
    [InlineData("[[\"explode\", [0], 1]]", "[1]")]          // unknown action on a list
    [InlineData("[[\"explode\", [\"a\"], 1]]", "{\"a\":1}")] // unknown action on a dict
    [InlineData("[[\"delete\", [], null]]", "[1]")]          // delete at the root
    [InlineData("[[\"add\", [], 1]]", "[1]")]                // add at the root
    [InlineData("[\"append\"]", "\"a\"")]                     // an edit that is not a list
    [InlineData("[[\"append\"]]", "\"a\"")]                   // an edit without a path
    [InlineData("[[\"replace\", [0, 0], 1]]", "[5]")]         // path leads into a number
    [InlineData("[[\"replace\", [\"x\"], 1]]", "[5]")]        // list index that is not a number
    [InlineData("[[\"replace\", [1], 1]]", "[5]")]            // list index past the end
    [InlineData("[[\"add\", [2], 1]]", "[5]")]                // insertion past the end
    [InlineData("[[\"delete\", [-1], null]]", "[5]")]         // negative index
    [InlineData("[[\"replace\", [0, 3], 1]]", "[[5]]")]       // a step past the end
    [InlineData("[[\"replace\", [true], 1]]", "{\"true\":1}")] // a step that is neither index nor key
    [InlineData("[[7, [], 1]]", "\"a\"")]                       // an action that is not a text
    [InlineData("[[\"append\", [], 1]]", "\"a\"")]              // append of a number to a text
    [InlineData("[[\"append\", [0], \"x\"]]", "[5]")]           // append to a number
    public void Malformed_edits_fail_as_MalformedResponse(string edits, string value)
    {
        var ex = Assert.Throws<GradioException>(() => Apply(value, edits));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }
}
