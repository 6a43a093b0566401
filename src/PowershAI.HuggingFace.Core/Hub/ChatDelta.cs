using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>One chunk of a streamed chat completion: its text delta and, on the last one, why it ended.</summary>
public sealed class ChatDelta
{
    public ChatDelta(string content, string? finishReason, JsonNode chunk)
    {
        Content = content;
        FinishReason = finishReason;
        Chunk = chunk;
    }

    /// <summary>choices[0].delta.content; "" for chunks without text (the role, the final one).</summary>
    public string Content { get; }

    /// <summary>"stop", "length", …; null until the last chunk.</summary>
    public string? FinishReason { get; }

    /// <summary>The whole chunk (id, model, usage on the last one).</summary>
    public JsonNode Chunk { get; }
}
