using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// Applies the edit lists of sse_v2+ generator updates: [action, path, value] (docs/gradio-protocol.md §3.4).
/// The edits are read from the update's UTF-8 text in one pass, and only the values they carry
/// become nodes: a diff comes with every event of a stream, and the nodes of its lists were most
/// of what a stream allocated (bench/README.md, "Diffs read from their text").
/// </summary>
public static class DiffApplier
{
    /// <summary>
    /// The outputs after an update's data, one list of edits per output, is applied to the
    /// <paramref name="previous"/> outputs. Each value shares no node with the previous ones, which
    /// are left as they were: a value is copied before the first edit that changes it, and not at
    /// all when the edits begin by replacing it whole (a generator yielding a new number or text).
    /// </summary>
    [MethodImpl(PerEvent.Compile)]
    public static JsonArray ApplyAll(JsonArray previous, ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw Malformed("it is not a list of edit lists");
            var next = new JsonNode?[previous.Count];
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count < next.Length) next[count] = Apply(previous[count], ref reader, data);
                else reader.Skip();
                count++;
            }
            if (count != next.Length) throw Malformed($"it has {count} outputs where {next.Length} were expected");
            return new JsonArray(next);
        }
        catch (JsonException)
        {
            throw Malformed("it is not JSON");
        }
    }

    /// <summary>The value after the edit list the reader is on (left on its end); <paramref name="utf8"/> is the reader's text.</summary>
    [MethodImpl(PerEvent.Compile)]
    static JsonNode? Apply(JsonNode? previous, ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("an output's edits are not a list");
        var value = previous;
        var copied = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray || !reader.Read()) throw Malformed("an edit is not [action, path, value]");
            var action = Action(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw Malformed("an edit is not [action, path, value]");
            var path = Path(ref reader);
            JsonNode? edited = null;
            if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                edited = Value(ref reader, utf8);
                // Items after the value are not part of an edit.
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) reader.Skip();
            }
            if (!copied && !(action == "replace" && path.Count == 0)) value = value?.DeepClone();
            copied = true;
            value = ApplyOne(value, action, path, edited);
        }
        return copied ? value : value?.DeepClone();
    }

    /// <summary>The four actions as constants (no string per edit); any other is kept for its error.</summary>
    [MethodImpl(PerEvent.Compile)]
    static string Action(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String ? throw Malformed("an edit's action is not a text")
        : reader.ValueTextEquals("replace"u8) ? "replace"
        : reader.ValueTextEquals("append"u8) ? "append"
        : reader.ValueTextEquals("add"u8) ? "add"
        : reader.ValueTextEquals("delete"u8) ? "delete"
        : reader.GetString()!;

    static readonly Step[] Root = new Step[0];

    [MethodImpl(PerEvent.Compile)]
    static IReadOnlyList<Step> Path(ref Utf8JsonReader reader)
    {
        List<Step>? steps = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var step = reader.TokenType switch
            {
                JsonTokenType.Number when reader.TryGetInt32(out var index) => new Step(index, null),
                JsonTokenType.String => new Step(0, reader.GetString()),
                _ => throw Malformed("a path step is neither a list index nor a dict key"),
            };
            (steps ??= new List<Step>(4)).Add(step);
        }
        return (IReadOnlyList<Step>?)steps ?? Root;
    }

    /// <summary>
    /// A fresh node for the value. A text or a boolean is made from the reader, as an appended
    /// text always was; numbers, lists and dicts are parsed as JsonNode.Parse parses them, so a
    /// number converts to any numeric type as in a full update.
    /// </summary>
    [MethodImpl(PerEvent.Compile)]
    static JsonNode? Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return JsonValue.Create(reader.GetString());
            case JsonTokenType.True or JsonTokenType.False: return JsonValue.Create(reader.GetBoolean());
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return JsonNode.Parse(utf8.Slice(start, (int)reader.BytesConsumed - start));
        }
    }

    [MethodImpl(PerEvent.Compile)]
    static JsonNode? ApplyOne(JsonNode? target, string action, IReadOnlyList<Step> path, JsonNode? value)
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
                var index = last.ListIndex;
                // add may insert at the end; the others need an item there.
                if (index < 0 || index > list.Count || (index == list.Count && action != "add")) throw Malformed($"list index {index} is out of range");
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
                var key = last.DictKey;
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

    static JsonNode? Child(JsonNode? node, Step step) => node switch
    {
        JsonArray a => step.ListIndex is var i && i >= 0 && i < a.Count ? a[i] : throw Malformed($"list index {i} is out of range"),
        JsonObject o => o[step.DictKey],
        _ => throw Malformed("the path leads into a value that is neither a list nor a dict"),
    };

    static JsonNode? Concat(JsonNode? left, JsonNode? right)
    {
        if (left is JsonArray a && right is JsonArray b)
        {
            foreach (var item in b) a.Add(item?.DeepClone());
            return a;
        }
        return JsonValue.Create(Text(left) + Text(right));
    }

    static string Text(JsonNode? node) =>
        node == null ? "" : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Malformed("'append' joins a value that is neither a text nor a list");

    static GradioException Malformed(string why) =>
        new(GradioErrorKind.MalformedResponse, "The server sent a generator update that cannot be applied: " + why + ".");

    /// <summary>A path step: a list index, or a dict key (which a list also takes when it is a number's text).</summary>
    readonly struct Step(int index, string? key)
    {
        public int ListIndex => key == null ? index : int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Malformed("a list index is not a number");

        public string DictKey => key ?? index.ToString(CultureInfo.InvariantCulture);
    }
}
