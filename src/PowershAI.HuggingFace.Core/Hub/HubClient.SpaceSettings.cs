using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    /// <summary>Hardware flavors the Hub knows (huggingface_hub's SpaceHardware, and huggingface.js' additions), for completion; the Hub may know more.</summary>
    public static readonly string[] SpaceHardwareFlavors =
    {
        "cpu-basic", "cpu-upgrade", "cpu-performance", "cpu-xl", "zero-a10g", "t4-small", "t4-medium", "l4x1", "l4x4",
        "l40sx1", "l40sx4", "l40sx8", "a10g-small", "a10g-large", "a10g-largex2", "a10g-largex4", "a100-large", "a100x4",
        "a100x8", "h100", "h100x8", "sprx8", "inf2x6",
    };

    /// <summary>
    /// POST /api/spaces/{from}/duplicate: a copy of the Space named <paramref name="to"/> (owner/name),
    /// with the hardware, storage, sleep time, secrets and variables given. Answers {"url"}; an existing
    /// target fails as <see cref="HubErrorKind.Conflict"/>.
    /// </summary>
    public Task<JsonNode?> DuplicateSpaceAsync(string from, string to, DuplicateSpaceOptions? options = null, CancellationToken ct = default)
    {
        RepoPath.Validate(to);
        options ??= new DuplicateSpaceOptions();
        var body = new JsonObject { ["repository"] = to };
        if (options.Private is { } isPrivate) body["private"] = isPrivate;
        if (options.Hardware != null) body["hardware"] = options.Hardware;
        if (options.Storage != null) body["storage"] = options.Storage;
        if (options.SleepTimeSeconds is { } seconds) body["sleepTimeSeconds"] = seconds;
        if (options.Secrets.Count > 0) body["secrets"] = new JsonArray(options.Secrets.Select(s => (JsonNode)s.ToJson()).ToArray());
        if (options.Variables.Count > 0) body["variables"] = new JsonArray(options.Variables.Select(v => (JsonNode)v.ToJson()).ToArray());
        var text = body.ToJsonString();
        return ReadJsonAsync(HttpMethod.Post, SpaceUrl(from, "duplicate"), () => Json(text), $"Duplicating Space {from} to {to}", ct);
    }

    /// <summary>POST …/hardware {"flavor", "sleepTimeSeconds"?}: the Space restarts on it. Answers the runtime.</summary>
    public async Task<SpaceRuntime> SetSpaceHardwareAsync(string id, string flavor, int? sleepTimeSeconds = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["flavor"] = flavor };
        if (sleepTimeSeconds is { } seconds) body["sleepTimeSeconds"] = seconds;
        return SpaceRuntime.From(await ReadJsonAsync(HttpMethod.Post, SpaceUrl(id, "hardware"), () => Json(body), $"Requesting {flavor} hardware for Space {id}", ct).ConfigureAwait(false));
    }

    /// <summary>POST …/secrets or …/variables: adds or replaces one. For variables, answers the whole updated set.</summary>
    public Task<JsonNode?> SetSpaceSettingAsync(string id, SpaceSetting setting, CancellationToken ct = default)
    {
        var text = setting.ToJson().ToJsonString();
        var noun = setting.IsSecret ? "secret" : "variable";
        return ReadJsonAsync(HttpMethod.Post, SpaceUrl(id, noun + "s"), () => Json(text), $"Setting {noun} {setting.Key} of Space {id}", ct);
    }

    /// <summary>DELETE …/secrets or …/variables with {"key"} as the body; a missing key is no failure. For variables, answers the remaining set.</summary>
    public Task<JsonNode?> RemoveSpaceSettingAsync(string id, string key, bool secret, CancellationToken ct = default)
    {
        var body = new JsonObject { ["key"] = key };
        var noun = secret ? "secret" : "variable";
        return ReadJsonAsync(new HttpMethod("DELETE"), SpaceUrl(id, noun + "s"), () => Json(body), $"Removing {noun} {key} of Space {id}", ct);
    }

    /// <summary>GET …/variables: {"NAME": {"value", "description"?, "updatedAt"}}.</summary>
    public Task<JsonNode?> GetSpaceVariablesAsync(string id, CancellationToken ct = default) =>
        ReadJsonAsync(HttpMethod.Get, SpaceUrl(id, "variables"), null, $"Reading the variables of Space {id}", ct);

    Uri SpaceUrl(string id, string action) => Url(RepoPath.Api(HubRepoType.Space, id) + "/" + action);

    static HttpContent Json(string text) => new StringContent(text, System.Text.Encoding.UTF8, "application/json");
}
