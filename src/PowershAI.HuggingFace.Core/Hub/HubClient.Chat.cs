using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    /// <summary>
    /// POST {router}/chat/completions (OpenAI-compatible) and the whole answer. <paramref name="request"/>
    /// is the body (model, messages, max_tokens, …); it is copied, with stream set to false.
    /// </summary>
    public Task<JsonNode?> ChatAsync(JsonObject request, CancellationToken ct = default)
    {
        var body = Body(request, stream: false);
        var url = HubEndpoint.Join(Router, "chat/completions");
        return ReadJsonAsync(HttpMethod.Post, url, body, $"Chat completion with {Model(request)}", ct, Options.InferenceTimeout);
    }

    /// <summary>
    /// The same, streamed: one <see cref="ChatDelta"/> per server-sent chunk, in order, ending at
    /// [DONE]. A silence longer than <see cref="HubClientOptions.InferenceTimeout"/> fails as a timeout.
    /// </summary>
    public async IAsyncEnumerable<ChatDelta> StreamChatAsync(JsonObject request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var body = Body(request, stream: true);
        var url = HubEndpoint.Join(Router, "chat/completions");
        var what = $"Chat completion with {Model(request)}";
        var bound = Options.InferenceTimeout;
        using var response = await SendAsync(HttpMethod.Post, url, body, what, ct, accept: "text/event-stream", timeout: bound).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var items = Http.SseReader.EnumerateAsync(stream, (_, data) => data.ToArray(), bound, ClientState.Current.Limits.MaxMessageBytes, what, url, ct).GetAsyncEnumerator(ct);
        try
        {
            while (await items.MoveNextAsync().MapFailure(HubFailure.FromTransport).ConfigureAwait(false))
            {
                var data = items.Current.Data;
                if (Encoding.UTF8.GetString(data).Trim() == "[DONE]") yield break;
                if (ParseJson(data, what, url) is not { } chunk) continue;
                if (chunk["error"] is { } error)
                {
                    var text = error is JsonValue ? error.ToString() : (error["message"]?.ToString() ?? error.ToJsonString());
                    throw new HubException(HubErrorKind.HttpError, $"{what} failed while streaming: {text}") { Url = url.ToString(), ServerMessage = text };
                }
                var choice = chunk["choices"]?[0];
                yield return new ChatDelta(
                    choice?["delta"]?["content"] is JsonValue content && content.TryGetValue<string>(out var s) ? s : "",
                    choice?["finish_reason"] is JsonValue reason && reason.TryGetValue<string>(out var r) ? r : null,
                    chunk);
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A copy of the request with "stream" set; new content per send, as a redirect re-sends it.</summary>
    static Func<HttpContent> Body(JsonObject request, bool stream)
    {
        var copy = (JsonObject)request.DeepClone();
        copy["stream"] = stream;
        var json = copy.ToJsonString();
        return () => new StringContent(json, Encoding.UTF8, "application/json");
    }

    static string Model(JsonObject request) => request["model"]?.ToString() is { Length: > 0 } model ? model : "(no model)";
}
