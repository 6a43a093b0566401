using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Reads /config and {prefix}/info (docs/gradio-protocol.md §2) into an <see cref="AppInfo"/>.</summary>
static class AppDiscovery
{
    public static async Task<AppInfo> DiscoverAsync(GradioClient client, CancellationToken ct)
    {
        var root = client.Root;
        var config = await ReadConfigAsync(client, ct).ConfigureAwait(false);
        if (config != null)
        {
            var prefix = config["api_prefix"] switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                _ => throw new GradioException(GradioErrorKind.MalformedResponse, $"{root} does not look like a Gradio app: the api_prefix of its /config is not text.", target: root.ToString()),
            };
            var apiBase = GradioUrl.Prefixed(root, prefix);
            var info = await ReadInfoAsync(client, apiBase, required: true, ct).ConfigureAwait(false);
            return new AppInfo(root, apiBase, config, info!);
        }

        // No /config (very old or unusual apps): probe the two places /info can be (docs/gradio-protocol.md §2.4 step 4).
        foreach (var candidate in new[] { GradioUrl.Prefixed(root, "/gradio_api"), root })
        {
            var info = await ReadInfoAsync(client, candidate, required: false, ct).ConfigureAwait(false);
            if (info != null) return new AppInfo(root, candidate, null, info);
        }
        throw new GradioException(GradioErrorKind.NotGradio, $"{root} does not look like a Gradio app: it has neither /config nor an API description at /info or /gradio_api/info.", target: root.ToString());
    }

    static async Task<JsonObject?> ReadConfigAsync(GradioClient client, CancellationToken ct)
    {
        var url = GradioUrl.Join(client.Root, "config");
        using var response = await client.SendRawAsync(() => new HttpRequestMessage(HttpMethod.Get, url), "Reading the app's /config", ct).ConfigureAwait(false);
        if ((int)response.StatusCode == 404) return null;
        if (!response.IsSuccessStatusCode) throw GradioFailure.FromResponse(response, await client.ReadErrorBodyAsync(response, ct).ConfigureAwait(false), $"Reading {url}");
        JsonNode? node;
        try
        {
            node = await client.ReadJsonBodyAsync(response, $"Reading {url}", ct).ConfigureAwait(false);
        }
        catch (GradioException ex) when (ex.Kind == GradioErrorKind.MalformedResponse)
        {
            throw new GradioException(GradioErrorKind.NotGradio, $"{client.Root} does not look like a Gradio app: /config is not JSON.", ex, target: url.ToString());
        }
        if (node is not JsonObject obj || (obj["components"] == null && obj["dependencies"] == null))
            throw new GradioException(GradioErrorKind.NotGradio, $"{client.Root} does not look like a Gradio app: /config has no components or dependencies.", target: url.ToString());
        if (obj.ContainsKey("allow_flagging") && obj["version"] == null)
            throw new GradioException(GradioErrorKind.ProtocolNotSupported, $"{client.Root} runs Gradio 2.x, which has no client API.", target: url.ToString());
        return obj;
    }

    static async Task<JsonObject?> ReadInfoAsync(GradioClient client, Uri apiBase, bool required, CancellationToken ct)
    {
        var url = GradioUrl.Join(apiBase, "info");
        using var response = await client.SendRawAsync(() => new HttpRequestMessage(HttpMethod.Get, url), "Reading the app's /info", ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            if (!required && (int)response.StatusCode is 404 or 405) return null;
            throw GradioFailure.FromResponse(response, await client.ReadErrorBodyAsync(response, ct).ConfigureAwait(false), $"Reading {url}");
        }
        var node = await client.ReadJsonBodyAsync(response, $"Reading {url}", ct).ConfigureAwait(false);
        if (node is JsonObject obj && obj["named_endpoints"] is JsonObject) return obj;
        if (!required) return null;
        throw new GradioException(GradioErrorKind.MalformedResponse, $"{url} answered without 'named_endpoints'.", target: url.ToString());
    }
}
