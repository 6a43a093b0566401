using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Repo objects as the Hub writes them (docs/hub-api.md §1.1, docs/hub-api.md §1.2): each property is computed by name, so the default
/// field sets, `full`, and `expand` (only _id, id and the listed properties) all share one definition.
/// </summary>
internal static class RepoJson
{
    // The valid expand values (hf_api.py Literal types plus xetEnabled); anything else is a 400.
    public static readonly string[] ModelExpand =
    [
        "author", "baseModels", "cardData", "childrenModelCount", "config", "createdAt", "disabled", "downloads",
        "downloadsAllTime", "evalResults", "gated", "gguf", "inference", "inferenceProviderMapping", "lastModified",
        "library_name", "likes", "mask_token", "model-index", "pipeline_tag", "private", "resourceGroup", "safetensors",
        "sha", "siblings", "spaces", "tags", "transformersInfo", "trendingScore", "usedStorage", "widgetData", "xetEnabled",
    ];

    public static readonly string[] DatasetExpand =
    [
        "author", "cardData", "citation", "createdAt", "description", "disabled", "downloads", "downloadsAllTime", "gated",
        "lastModified", "likes", "mainSize", "paperswithcode_id", "private", "resourceGroup", "sha", "siblings", "tags",
        "trendingScore", "usedStorage", "xetEnabled",
    ];

    public static readonly string[] SpaceExpand =
    [
        "author", "cardData", "createdAt", "datasets", "disabled", "lastModified", "likes", "models", "private", "region",
        "resourceGroup", "runtime", "sdk", "sha", "siblings", "subdomain", "tags", "trendingScore", "usedStorage", "xetEnabled",
    ];

    public static string[] ExpandValues(FakeRepoType type) => type switch
    {
        FakeRepoType.Dataset => DatasetExpand,
        FakeRepoType.Space => SpaceExpand,
        _ => ModelExpand,
    };

    /// <summary>List items without expand/full (model set observed; the others as far as known).</summary>
    public static string[] ListFields(FakeRepoType type) => type switch
    {
        FakeRepoType.Dataset => ["author", "disabled", "gated", "lastModified", "likes", "trendingScore", "private", "sha", "downloads", "tags", "createdAt"],
        FakeRepoType.Space => ["author", "lastModified", "likes", "trendingScore", "private", "sdk", "tags", "createdAt"],
        _ => ["likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId"],
    };

    /// <summary>GET /api/{t}/{id} without expand; list items with full=true use it too.</summary>
    public static string[] InfoFields(FakeRepoType type) => type switch
    {
        FakeRepoType.Dataset =>
        [
            "author", "sha", "lastModified", "createdAt", "private", "gated", "disabled", "downloads", "likes", "tags",
            "cardData", "siblings", "citation", "description", "usedStorage", "trendingScore",
        ],
        FakeRepoType.Space =>
        [
            "author", "sha", "lastModified", "createdAt", "private", "gated", "disabled", "likes", "trendingScore", "sdk",
            "tags", "subdomain", "host", "cardData", "runtime", "siblings", "models", "datasets", "usedStorage",
        ],
        _ =>
        [
            "modelId", "author", "sha", "lastModified", "createdAt", "private", "disabled", "gated", "downloads", "likes",
            "library_name", "pipeline_tag", "tags", "mask_token", "widgetData", "model-index", "config", "cardData",
            "transformersInfo", "safetensors", "siblings", "spaces", "usedStorage",
        ],
    };

    /// <summary>{_id, id} followed by each property the repo has (absent ones are left out, as the Hub does).</summary>
    public static JsonObject Build(FakeRepo repo, IEnumerable<string> properties, View view)
    {
        var json = new JsonObject { ["_id"] = repo.ObjectId, ["id"] = repo.Id };
        foreach (var name in properties)
            if (name is not ("_id" or "id") && !json.ContainsKey(name) && TryGet(repo, name, view, out var value))
                json[name] = value;
        return json;
    }

    private static bool TryGet(FakeRepo repo, string name, View view, out JsonNode? value)
    {
        value = name switch
        {
            "author" => repo.Author,
            "modelId" when repo.Type == FakeRepoType.Model => repo.Id,
            "sha" => repo.Sha,
            "lastModified" => Http.Date(repo.LastModified),
            "createdAt" => Http.Date(repo.CreatedAt),
            "private" => repo.Private,
            "disabled" => repo.Disabled,
            "gated" => repo.Gated is null ? false : repo.Gated,
            "downloads" when repo.Type != FakeRepoType.Space => repo.Downloads,
            "downloadsAllTime" => repo.Downloads * 7,
            "likes" => repo.Likes,
            "trendingScore" => repo.TrendingScore,
            "tags" => new JsonArray([.. repo.Tags.Select(t => (JsonNode?)t)]),
            "cardData" when repo.CardData.Count > 0 || repo is FakeSpace => CardData(repo),
            "siblings" => Siblings(repo, view.Blobs),
            "usedStorage" => repo.Files.Sum(f => (long)f.Content.Length),
            "xetEnabled" => false,
            "pipeline_tag" when repo.PipelineTag is not null => repo.PipelineTag,
            "library_name" when repo.LibraryName is not null => repo.LibraryName,
            "config" when repo.Config is not null => repo.Config.DeepClone(),
            "mask_token" or "model-index" when repo.Type == FakeRepoType.Model => null,
            "transformersInfo" when repo.LibraryName == "transformers" => new JsonObject
            {
                ["auto_model"] = "AutoModel", ["pipeline_tag"] = repo.PipelineTag, ["processor"] = "AutoTokenizer",
            },
            "safetensors" when repo.Files.Any(f => f.Path.EndsWith(".safetensors", StringComparison.Ordinal)) => Safetensors(repo),
            "spaces" when repo.Type == FakeRepoType.Model => new JsonArray([.. view.Catalogue.Repos.OfType<FakeSpace>()
                .Where(s => !s.Private && s.Models.Contains(repo.Id)).Select(s => (JsonNode?)s.Id)]),
            "citation" or "description" or "mainSize" or "paperswithcode_id" when repo.Type == FakeRepoType.Dataset => DatasetField(repo, name),
            "sdk" when repo is FakeSpace space => space.Sdk,
            "subdomain" when repo is FakeSpace space => space.Subdomain,
            "host" when repo is FakeSpace space => Host(space, view.Origin),
            "runtime" when repo is FakeSpace space => Runtime(space, view),
            "models" when repo is FakeSpace space => new JsonArray([.. space.Models.Select(m => (JsonNode?)m)]),
            "datasets" when repo is FakeSpace space => new JsonArray([.. space.Datasets.Select(d => (JsonNode?)d)]),
            "region" when repo is FakeSpace => "us",
            _ => Absent,
        };
        if (ReferenceEquals(value, Absent)) return false;
        return true;
    }

    // A marker for "no such property on this repo", distinct from a JSON null.
    private static readonly JsonNode Absent = JsonValue.Create("\0absent")!;

    private static JsonNode CardData(FakeRepo repo)
    {
        var card = (JsonObject)repo.CardData.DeepClone();
        if (repo is FakeSpace space)
        {
            card["sdk"] = space.Sdk;
            if (space.SdkVersion is not null) card["sdk_version"] = space.SdkVersion;
        }
        return card;
    }

    private static JsonArray Siblings(FakeRepo repo, bool blobs) => new([.. repo.Files.Select(f =>
    {
        var entry = new JsonObject { ["rfilename"] = f.Path };
        if (blobs)
        {
            entry["blobId"] = f.BlobId;
            entry["size"] = f.Content.Length;
            if (f.Lfs) entry["lfs"] = new JsonObject { ["sha256"] = f.Sha256, ["size"] = f.Content.Length, ["pointerSize"] = f.Pointer.Length };
        }
        return (JsonNode?)entry;
    })]);

    private static JsonObject Safetensors(FakeRepo repo)
    {
        var total = repo.Files.Where(f => f.Path.EndsWith(".safetensors", StringComparison.Ordinal)).Sum(f => (long)f.Content.Length) / 4;
        return new JsonObject { ["parameters"] = new JsonObject { ["F32"] = total }, ["total"] = total };
    }

    private static JsonNode? DatasetField(FakeRepo repo, string name) => name switch
    {
        "citation" => $"@misc{{{repo.Id.Replace('/', '_')}, title={{{repo.Id}}}}}",
        "description" => repo.Description ?? $"The {repo.Id} dataset.",
        "mainSize" => repo.Files.Sum(f => (long)f.Content.Length),
        _ => null,
    };

    /// <summary>The Space's app URL without a trailing slash: its Gradio host, or the emulator's wake route.</summary>
    public static string Host(FakeSpace space, string origin) =>
        space.Host is { } host ? host.ToString().TrimEnd('/') : $"{origin}/spaces-host/{space.Id}";

    /// <summary>SpaceRuntime as recorded from the real Hub (docs/hub-api.md §1.3). Reads the stage under the catalogue's gate.</summary>
    public static JsonObject Runtime(FakeSpace space, View view)
    {
        string stage;
        string? error;
        lock (view.Catalogue.Gate)
        {
            stage = space.Stage;
            error = space.ErrorMessage;
        }
        var domain = new Uri(Host(space, view.Origin)).Authority;
        if (space.Sdk == "static")
        {
            return new JsonObject
            {
                ["stage"] = stage,
                ["hardware"] = new JsonObject { ["current"] = null, ["requested"] = null },
                ["storage"] = null,
                ["replicas"] = new JsonObject { ["requested"] = 1, ["current"] = 1 },
            };
        }
        var up = stage is "RUNNING" or "RUNNING_BUILDING" or "RUNNING_APP_STARTING" or "APP_STARTING";
        var replicas = new JsonObject { ["requested"] = 1 };
        if (up) replicas["current"] = 1;
        var runtime = new JsonObject
        {
            ["stage"] = stage,
            ["hardware"] = new JsonObject { ["current"] = up ? space.Hardware : null, ["requested"] = space.Hardware },
            ["storage"] = space.Storage,
            ["gcTimeout"] = space.SleepTimeSeconds,
            ["replicas"] = replicas,
            ["devMode"] = false,
            ["domains"] = new JsonArray(new JsonObject { ["domain"] = domain, ["stage"] = "READY" }),
            ["sdk"] = space.Sdk,
        };
        if (space.SdkVersion is not null) runtime["sdkVersion"] = space.SdkVersion;
        if (error is not null) runtime["errorMessage"] = error;
        return runtime;
    }
}

/// <summary>What a repo object depends on besides the repo: where the emulator is reached, and the request's flags.</summary>
internal sealed record View(Catalogue Catalogue, string Origin, bool Blobs = false);
