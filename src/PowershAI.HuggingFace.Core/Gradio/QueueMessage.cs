using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// One message of a queue stream (docs/gradio-protocol.md §3.3): its kind and event id, and either
/// the whole JSON object or, for a generator's update read slim by <see cref="QueueMessageJson"/>,
/// only the text of its output data. An update comes thousands of times a second; building a
/// JsonObject for each (a dictionary per object) was most of what a stream allocated, and its data
/// is left as text until the job's reader knows whether it holds full values or diffs.
/// </summary>
sealed class QueueMessage
{
    public QueueMessage(JsonObject whole)
    {
        Whole = whole;
        Kind = whole["msg"]?.ToString();
        EventId = whole["event_id"]?.ToString();
    }

    /// <summary>A generator's update (process_generating or process_streaming) without an error.</summary>
    public QueueMessage(string kind, string? eventId, byte[]? data)
    {
        Kind = kind;
        EventId = eventId;
        Data = data;
    }

    /// <summary>The msg field (null when absent).</summary>
    public string? Kind { get; }

    /// <summary>The event_id field as text (null when absent or JSON null).</summary>
    public string? EventId { get; }

    /// <summary>The whole message; null for an update read slim.</summary>
    public JsonObject? Whole { get; }

    /// <summary>output.data of an update read slim, as UTF-8 JSON (null when absent).</summary>
    public byte[]? Data { get; }
}
