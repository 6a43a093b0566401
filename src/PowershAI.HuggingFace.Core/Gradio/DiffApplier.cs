using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Applies the edit lists of sse_v2+ generator updates: [action, path, value] (docs/gradio-protocol.md §3.4).</summary>
public static class DiffApplier
{
    /// <summary>
    /// The value after the edits, sharing no node with <paramref name="previous"/> or the edits.
    /// The previous value is left as it was: it is copied before the first edit that changes it,
    /// and not at all when the edits begin by replacing it whole (a generator yielding a new
    /// number or text, the usual update).
    /// </summary>
    [MethodImpl(PerEvent.Compile)]
    public static JsonNode? Apply(JsonNode? previous, JsonArray edits)
    {
        var value = previous;
        var copied = false;
        foreach (var edit in edits)
        {
            if (edit is not JsonArray e || e.Count < 2)
                throw Malformed("an edit is not [action, path, value]");
            var action = e[0]?.ToString() ?? "";
            var path = e[1] as JsonArray ?? new JsonArray();
            if (!copied && !(action == "replace" && path.Count == 0)) value = value?.DeepClone();
            copied = true;
            value = ApplyOne(value, action, path, e.Count > 2 ? e[2]?.DeepClone() : null);
        }
        return copied ? value : value?.DeepClone();
    }

    [MethodImpl(PerEvent.Compile)]
    static JsonNode? ApplyOne(JsonNode? target, string action, JsonArray path, JsonNode? value)
    {
        if (path.Count == 0)
            return action switch
            {
                "replace" => value,
                "append" => Concat(target, value),
                _ => throw Malformed($"'{action}' at the root"),
            };

        var parent = target;
        for (var i = 0; i < path.Count - 1; i++) parent = Child(parent, path[i]);
        var last = path[path.Count - 1];
        switch (parent)
        {
            case JsonArray list:
                var index = Index(last);
                switch (action)
                {
                    case "replace": list[index] = value; break;
                    case "append": list[index] = Concat(list[index]?.DeepClone(), value); break;
                    case "add": list.Insert(index, value); break;
                    case "delete": list.RemoveAt(index); break;
                    default: throw Malformed($"unknown action '{action}'");
                }
                break;
            case JsonObject dict:
                var key = last?.ToString() ?? "";
                switch (action)
                {
                    case "replace" or "add": dict[key] = value; break;
                    case "append": dict[key] = Concat(dict[key]?.DeepClone(), value); break;
                    case "delete": dict.Remove(key); break;
                    default: throw Malformed($"unknown action '{action}'");
                }
                break;
            default:
                throw Malformed("the path leads into a value that is neither a list nor a dict");
        }
        return target;
    }

    static JsonNode? Child(JsonNode? node, JsonNode? key) => node switch
    {
        JsonArray a => a[Index(key)],
        JsonObject o => o[key?.ToString() ?? ""],
        _ => throw Malformed("the path leads into a value that is neither a list nor a dict"),
    };

    static int Index(JsonNode? key) =>
        key is JsonValue v && v.TryGetValue<int>(out var i) ? i : int.TryParse(key?.ToString(), out var j) ? j : throw Malformed("a list index is not a number");

    static JsonNode? Concat(JsonNode? left, JsonNode? right)
    {
        if (left is JsonArray a && right is JsonArray b)
        {
            foreach (var item in b) a.Add(item?.DeepClone());
            return a;
        }
        return JsonValue.Create((left?.GetValue<string>() ?? "") + (right?.GetValue<string>() ?? ""));
    }

    static GradioException Malformed(string why) =>
        new(GradioErrorKind.MalformedResponse, "The server sent a generator update that cannot be applied: " + why + ".");
}
