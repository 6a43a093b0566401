using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// Reads a queue message (docs/gradio-protocol.md §3.3) from its UTF-8 bytes. A generator's
/// update comes thousands of times a second and carries fields no reader looks at (durations,
/// render_config, changed_state_ids): it is read slim, into its kind, event id and the text of
/// output.data (checked to be JSON), with success checked for its type. Any other message,
/// and an update of an unexpected shape, is parsed whole.
/// </summary>
static class QueueMessageJson
{
    /// <summary>The message, or null when it is empty or not a JSON object.</summary>
    [MethodImpl(PerEvent.Compile)]
    public static QueueMessage? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        try
        {
            if (!data.IsEmpty && Update(data) is { } update) return update;
        }
        catch (JsonException)
        {
            // Not JSON: the whole parse below says why.
        }
        return GradioClient.JsonData(eventType, data) is JsonObject whole ? new QueueMessage(whole) : null;
    }

    [MethodImpl(PerEvent.Compile)]
    static QueueMessage? Update(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? kind = null, eventId = null;
        byte[]? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("msg"u8))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                // The two kinds read slim, named by constants rather than a string per message.
                if (reader.ValueTextEquals("process_generating"u8)) kind = "process_generating";
                else if (reader.ValueTextEquals("process_streaming"u8)) kind = "process_streaming";
                else return null;
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
                    data = utf8.Slice(start, (int)reader.BytesConsumed - start).ToArray();
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
        return new QueueMessage(kind, eventId, data);
    }
}
