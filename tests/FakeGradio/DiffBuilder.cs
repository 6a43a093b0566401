using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The edits Gradio streams after a generator's first chunk (sse_v2+), built exactly as
/// docs/gradio-protocol.md §3.4 describes utils.diff: each edit is [action, path, value].
/// </summary>
internal static class DiffBuilder
{
    public static JsonArray Diff(JsonNode? old, JsonNode? @new)
    {
        var edits = new JsonArray();
        Compare(old, @new, [], edits);
        return edits;
    }

    private static void Compare(JsonNode? old, JsonNode? @new, List<JsonNode> path, JsonArray edits)
    {
        if (JsonNode.DeepEquals(old, @new)) return;
        if (Kind(old) != Kind(@new))
        {
            edits.Add(Edit("replace", path, @new));
            return;
        }
        switch (old, @new)
        {
            case (JsonValue o, JsonValue n) when o.GetValueKind() == JsonValueKind.String:
                var (before, after) = (o.GetValue<string>(), n.GetValue<string>());
                edits.Add(after.StartsWith(before, System.StringComparison.Ordinal)
                    ? Edit("append", path, after[before.Length..])
                    : Edit("replace", path, @new));
                break;
            case (JsonArray o, JsonArray n):
                var common = System.Math.Min(o.Count, n.Count);
                for (var i = 0; i < common; i++) Compare(o[i], n[i], [.. path, i], edits);
                // Each delete index is lowered by the deletes before it, so applying them in order works.
                for (var i = common; i < o.Count; i++) edits.Add(Edit("delete", [.. path, common], null));
                for (var i = common; i < n.Count; i++) edits.Add(Edit("add", [.. path, i], n[i]));
                break;
            case (JsonObject o, JsonObject n):
                foreach (var (key, value) in o)
                {
                    if (n.ContainsKey(key)) Compare(value, n[key], [.. path, key], edits);
                    else edits.Add(Edit("delete", [.. path, key], null));
                }
                foreach (var (key, value) in n.Where(p => !o.ContainsKey(p.Key))) edits.Add(Edit("add", [.. path, key], value));
                break;
            default:
                edits.Add(Edit("replace", path, @new));
                break;
        }
    }

    /// <summary>Python type identity: str, list, dict, or one kind for numbers/bools/None (replaced when different).</summary>
    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "dict",
        JsonArray => "list",
        JsonValue v => v.GetValueKind() == JsonValueKind.String ? "str" : "scalar",
        _ => "other",
    };

    private static JsonArray Edit(string action, List<JsonNode> path, JsonNode? value) =>
        new(action, new JsonArray(path.Select(p => p.DeepClone()).ToArray()), value?.DeepClone());
}
