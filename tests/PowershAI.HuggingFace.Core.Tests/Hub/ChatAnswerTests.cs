using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class ChatAnswerTests
{
    [Fact]
    public void Streamed_chunks_make_the_completion_a_request_without_streaming_answers()
    {
        var answer = new ChatAnswer();
        answer.Add(new ChatDelta("", null, JsonNode.Parse("""{"id":"c1","created":7,"model":"m/x","choices":[{"delta":{"role":"assistant"}}]}""")!));
        answer.Add(new ChatDelta("Hello", null, JsonNode.Parse("""{"id":"c1","choices":[{"delta":{"content":"Hello"}}]}""")!));
        answer.Add(new ChatDelta(" there", "stop", JsonNode.Parse("""{"id":"c1","choices":[{"delta":{"content":" there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":2,"completion_tokens":2}}""")!));

        var completion = answer.ToCompletion("asked/model");

        Assert.Equal("c1", completion["id"]!.ToString());
        Assert.Equal("m/x", completion["model"]!.ToString());
        Assert.Equal("Hello there", completion["choices"]![0]!["message"]!["content"]!.ToString());
        Assert.Equal("stop", completion["choices"]![0]!["finish_reason"]!.ToString());
        Assert.Equal(2, completion["usage"]!["completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public void Without_chunks_naming_a_model_the_one_asked_for_is_used()
    {
        var answer = new ChatAnswer();
        answer.Add(new ChatDelta("Hi", "length", JsonNode.Parse("""{"choices":[{"delta":{"content":"Hi"}}]}""")!));

        Assert.Equal("asked/model", answer.ToCompletion("asked/model")["model"]!.ToString());
        Assert.Null(answer.ToCompletion("asked/model")["usage"]);
    }
}
