using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// Reads a queue message (docs/gradio-protocol.md §3.3) from its UTF-8 bytes. A generator's
/// update comes thousands of times a second and carries fields no reader looks at (durations,
/// render_config, changed_state_ids): it is read into a message of the fields the client uses
/// (msg, event_id, success, output.data), with output.data parsed as JsonNode.Parse parses it.
/// Any other message, and an update of an unexpected shape, is parsed whole.
/// </summary>
static class QueueMessageJson
{
    public static JsonNode? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        try
        {
            if (!data.IsEmpty && Update(data) is { } update) return update;
        }
        catch (JsonException)
        {
            // Not JSON: the whole parse below says why.
        }
        return GradioClient.JsonData(eventType, data);
    }

    static JsonObject? Update(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? kind = null, eventId = null;
        bool? success = null;
        JsonNode? data = null;
        var hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("msg"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                kind = reader.GetString();
                if (kind is not ("process_generating" or "process_streaming")) return null;
            }
            else if (reader.ValueTextEquals("event_id"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) eventId = reader.GetString();
                else if (reader.TokenType != JsonTokenType.Null) return null;
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return null;
                success = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("output"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    // An update with an error (or anything else read from output) takes the whole parse.
                    if (reader.ValueTextEquals("error"u8) || reader.ValueTextEquals("title"u8)) return null;
                    var isData = reader.ValueTextEquals("data"u8);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (!isData) continue;
                    data = JsonNode.Parse(utf8.Slice(start, (int)reader.BytesConsumed - start));
                    hasData = true;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // Anything after the object (or a message without its kind) is left to the whole parse.
        if (kind == null || reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        var message = new JsonObject { ["msg"] = kind, ["event_id"] = eventId };
        if (hasData) message["output"] = new JsonObject { ["data"] = data };
        if (success is bool ok) message["success"] = ok;
        return message;
    }
}
