using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    /// <summary>The SDKs the Hub accepts for a new Space (docker and static need no Gradio).</summary>
    public static readonly string[] SpaceSdks = { "gradio", "docker", "static", "streamlit" };

    /// <summary>
    /// POST /api/repos/create (docs/hub-api.md §1.9): a model, dataset or Space (with its SDK) named
    /// owner/name, owner being the account or one of its organisations. Answers url, name and id;
    /// an existing repo fails as Conflict.
    /// </summary>
    public Task<JsonNode?> CreateRepoAsync(HubRepoType type, string id, bool isPrivate = false, string? sdk = null, CancellationToken ct = default)
    {
        RepoPath.Validate(id);
        if (type == HubRepoType.Space && Array.IndexOf(SpaceSdks, sdk) < 0)
            throw new HubException(HubErrorKind.InvalidArgument, $"A Space needs an SDK: one of {string.Join(", ", SpaceSdks)}.") { RepoId = id };
        var body = Body(type, id);
        body["private"] = isPrivate;
        if (type == HubRepoType.Space) body["sdk"] = sdk;
        var url = Url("/api/repos/create");
        return ReadJsonAsync(HttpMethod.Post, url, () => Json(body), $"Creating {Noun(type)} {id}", ct);
    }

    /// <summary>DELETE /api/repos/delete (docs/hub-api.md §1.9); a missing repo fails as RepoNotFound.</summary>
    public async Task DeleteRepoAsync(HubRepoType type, string id, CancellationToken ct = default)
    {
        var body = Body(type, RepoPath.Validate(id));
        var url = Url("/api/repos/delete");
        using var _ = await SendAsync(new HttpMethod("DELETE"), url, () => Json(body), $"Deleting {Noun(type)} {id}", ct, accept: "*/*").ConfigureAwait(false);
    }

    /// <summary>name and organization apart, as the Hub wants them, and the type in the singular.</summary>
    static JsonObject Body(HubRepoType type, string id)
    {
        var slash = id.IndexOf('/');
        return new JsonObject
        {
            ["name"] = slash < 0 ? id : id.Substring(slash + 1),
            ["organization"] = slash < 0 ? null : id.Substring(0, slash),
            ["type"] = RepoPath.Collection(type).TrimEnd('s'),
        };
    }

    static HttpContent Json(JsonNode body) => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
}
