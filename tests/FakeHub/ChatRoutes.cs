using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// POST /v1/chat/completions, standing in for the inference router (OpenAI-compatible). The answer is
/// "Echo: " + the last user message, deterministic so tests can assert it; "stream": true sends it as
/// SSE chunks, one token (word with its leading space) each, then [DONE].
/// </summary>
internal static partial class ChatRoutes
{
    public static async Task CompleteAsync(HubCall call)
    {
        var ctx = call.Ctx;
        if (call.User is null)
        {
            await Http.Error(ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidUsernameOrPassword);
            return;
        }
        var body = await Http.ReadObject(ctx);
        if (body is null)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "Request body must be a JSON object");
            return;
        }
        var model = body["model"] is JsonValue mv && mv.TryGetValue<string>(out var m) ? m : null;
        if (string.IsNullOrWhiteSpace(model))
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "Field 'model' is required");
            return;
        }
        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "Field 'messages' must be a non-empty array");
            return;
        }
        var maxTokens = (body["max_tokens"] ?? body["max_completion_tokens"]) is JsonValue max && max.TryGetValue<int>(out var n) && n > 0 ? n : int.MaxValue;
        var stream = body["stream"] is JsonValue s && s.TryGetValue<bool>(out var b) && b;

        var reply = "Echo: " + LastUserText(messages);
        var tokens = Token().Matches(reply).Select(x => x.Value).ToList();
        var finish = tokens.Count > maxTokens ? "length" : "stop";
        tokens = [.. tokens.Take(maxTokens)];
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var promptTokens = messages.Sum(msg => Token().Matches(Text(msg?["content"])).Count);

        if (!stream)
        {
            await Http.Json(ctx, new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(tokens) },
                    ["logprobs"] = null,
                    ["finish_reason"] = finish,
                }),
                ["usage"] = Usage(promptTokens, tokens.Count),
            });
            return;
        }

        await Http.StartSse(ctx);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, call.Server.Stopping);
        JsonObject Chunk(JsonObject delta, string? reason) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = reason }),
        };
        try
        {
            await Http.Sse(ctx, Http.Serialize(Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null)));
            foreach (var token in tokens)
            {
                await Task.Delay(call.Server.Options.ChatTokenDelay, stop.Token);
                await Http.Sse(ctx, Http.Serialize(Chunk(new JsonObject { ["content"] = token }, null)));
            }
            var last = Chunk([], finish);
            last["usage"] = Usage(promptTokens, tokens.Count);
            await Http.Sse(ctx, Http.Serialize(last));
            await Http.Sse(ctx, "[DONE]");
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion,
    };

    private static string LastUserText(JsonArray messages) =>
        Text(messages.LastOrDefault(msg => msg?["role"]?.GetValueKind() == JsonValueKind.String && (string?)msg["role"] == "user")?["content"]);

    /// <summary>content is a string or an array of parts; the text parts are joined.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonArray parts => string.Join(" ", parts.Select(p => p?["type"]?.ToString() == "text" ? p["text"]?.ToString() : null).OfType<string>()),
        _ => "",
    };

    [GeneratedRegex(@"\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
