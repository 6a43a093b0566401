using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubChatTests
{
    static JsonObject Request(string text) => new()
    {
        ["model"] = "acme/tiny-gpt",
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
    };

    [Fact]
    public async Task A_streamed_chat_yields_the_tokens_in_order_and_ends_at_DONE()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var deltas = await H.All(H.Client(hub, FakeHubOptions.AliceToken).StreamChatAsync(Request("hello brave new world"), cts.Token), cts.Token);

        Assert.Equal(new[] { "Echo:", " hello", " brave", " new", " world" }, deltas.Select(d => d.Content).Where(c => c.Length > 0));
        Assert.Equal("stop", deltas.Last().FinishReason);
        var sent = H.To(hub, "/v1/chat/completions").Single();
        Assert.Equal("Bearer " + FakeHubOptions.AliceToken, H.Authorization(sent));
        Assert.True((bool)JsonNode.Parse(sent.Body!)!["stream"]!);
    }

    [Fact]
    public async Task A_plain_chat_returns_the_whole_answer_and_leaves_the_request_unchanged()
    {
        await using var hub = await H.Start();
        var request = Request("hi there");
        var answer = await H.Client(hub, FakeHubOptions.AliceToken).ChatAsync(request);

        Assert.Equal("Echo: hi there", (string?)answer?["choices"]?[0]?["message"]?["content"]);
        Assert.Null(request["stream"]);
        Assert.False((bool)JsonNode.Parse(H.To(hub, "/v1/chat/completions").Single().Body!)!["stream"]!);
    }

    [Fact]
    public async Task A_stream_can_be_left_early()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var first = await H.First(H.Client(hub, FakeHubOptions.AliceToken).StreamChatAsync(Request("one two three four five"), cts.Token), 3, cts.Token);

        Assert.Equal(new[] { "", "Echo:", " one" }, first.Select(d => d.Content));
    }

    [Fact]
    public async Task Chat_without_a_token_is_AuthenticationRequired()
    {
        await using var hub = await H.Start();
        var ex = await Assert.ThrowsAsync<HubException>(async () => await H.All(H.Client(hub).StreamChatAsync(Request("x")), default));

        Assert.Equal(HubErrorKind.AuthenticationRequired, ex.Kind);
    }
}
