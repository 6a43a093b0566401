using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The edit lists of sse_v2+ generator updates (docs/gradio-protocol.md §3.4).</summary>
public class DiffApplierTests
{
    static JsonNode? Apply(string value, string edits) => DiffApplier.Apply(JsonNode.Parse(value), (JsonArray)JsonNode.Parse(edits)!);

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
        var previous = JsonNode.Parse(value)!;
        var result = DiffApplier.Apply(previous, (JsonArray)JsonNode.Parse(edits)!);
        Assert.Equal(value, previous.ToJsonString());
        Assert.Null(result!.Parent);
        ((JsonObject)result)["z"] = 0;
        Assert.Equal(value, previous.ToJsonString());
    }

    [Fact]
    public void Edits_do_not_share_nodes_with_the_edit_list()
    {
        var edits = (JsonArray)JsonNode.Parse("[[\"add\", [0], {\"k\": 1}]]")!;
        var result = DiffApplier.Apply(new JsonArray(), edits);
        ((JsonObject)result![0]!)["k"] = 2;
        Assert.Equal(1, edits[0]![2]!["k"]!.GetValue<int>());
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
    public void Malformed_edits_fail_as_MalformedResponse(string edits, string value)
    {
        var ex = Assert.Throws<GradioException>(() => Apply(value, edits));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }
}
