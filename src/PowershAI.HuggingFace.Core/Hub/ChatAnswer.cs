using System.Text;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The chunks of a streamed chat completion put back together as the completion a request
/// without streaming answers (id, model, created, choices[0].message, finish_reason, usage).
/// </summary>
public sealed class ChatAnswer
{
    readonly StringBuilder _text = new();
    JsonNode? _first;
    JsonNode? _usage;
    string? _finishReason;

    public void Add(ChatDelta delta)
    {
        _first ??= delta.Chunk;
        _text.Append(delta.Content);
        if (delta.FinishReason != null) _finishReason = delta.FinishReason;
        if (delta.Chunk["usage"] is JsonObject usage) _usage = usage;
    }

    /// <summary>The text so far.</summary>
    public string Text => _text.ToString();

    /// <param name="model">The model asked for, when the chunks name none.</param>
    public JsonObject ToCompletion(string model) => new()
    {
        ["id"] = _first?["id"]?.DeepClone(),
        ["object"] = "chat.completion",
        ["created"] = _first?["created"]?.DeepClone(),
        ["model"] = _first?["model"]?.DeepClone() ?? model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Text },
            ["finish_reason"] = _finishReason,
        }),
        ["usage"] = _usage?.DeepClone(),
    };
}
