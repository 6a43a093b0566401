using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>What a client needs to know of an app: version, protocol, prefix and endpoints (§2).</summary>
public sealed class AppInfo
{
    // 3.x configs have no skip_api; these are the blocks the official client skips (§2.1).
    static readonly HashSet<string> SkippedTypes = new(StringComparer.OrdinalIgnoreCase)
    { "state", "row", "column", "tabs", "tab", "tabitem", "box", "form", "accordion", "group", "interpretation", "dataset" };

    readonly List<EndpointInfo> _endpoints = new();

    internal AppInfo(Uri root, Uri apiBase, JsonObject? config, JsonObject info)
    {
        Root = root;
        ApiBase = apiBase;
        Config = config;
        Info = info;
        VersionText = config?["version"]?.ToString() ?? "";
        Version = GradioVersion.Parse(VersionText);
        ApiPrefix = config?["api_prefix"]?.ToString() ?? (apiBase == root ? "" : "/gradio_api");
        Protocol = config?["protocol"]?.ToString() ?? (config != null ? "ws" : "unknown");
        EnableQueue = config?["enable_queue"] is JsonValue q && q.TryGetValue<bool>(out var qb) ? qb : Protocol != "ws";
        BuildEndpoints();
    }

    public Uri Root { get; }

    /// <summary>The root plus the API prefix: where info, call, queue, upload and file routes live.</summary>
    public Uri ApiBase { get; }

    public JsonObject? Config { get; }

    public JsonObject Info { get; }

    /// <summary>The version as the app reports it ("" when it has no /config).</summary>
    public string VersionText { get; }

    public Version Version { get; }

    public string ApiPrefix { get; }

    /// <summary>config.protocol: ws (3.x), sse, sse_v1, sse_v2, sse_v2.1, sse_v3; "unknown" without /config.</summary>
    public string Protocol { get; }

    public bool EnableQueue { get; }

    public IReadOnlyList<EndpointInfo> Endpoints => _endpoints;

    bool Known => Config != null;

    /// <summary>POST {prefix}/call/{api} exists (4.20+).</summary>
    public bool SupportsCall => !Known || Version >= new Version(4, 20);

    /// <summary>The multiplexed queue protocol (sse_v1 and later, 4.9+).</summary>
    public bool SupportsQueue => Protocol.StartsWith("sse_v", StringComparison.Ordinal);

    /// <summary>POST {prefix}/cancel exists (4.31+).</summary>
    public bool SupportsCancel => Known && Version >= new Version(4, 31);

    /// <summary>Queue updates after the first are diffs (sse_v2 and later).</summary>
    public bool SendsDiffs => SupportsQueue && Protocol != "sse_v1";

    /// <summary>
    /// Before 6.18 a /call with a caller-chosen session_hash files its messages under that hash,
    /// so the stream must be read at .../call/{api}/{session_hash} (§3.1).
    /// </summary>
    public bool CallStreamKeyedBySession => Known && Version < new Version(6, 18);

    /// <summary>Gradio 3.x file format ({name, data, is_file}) rather than FileData.</summary>
    public bool Uses3xFiles => Protocol == "ws";

    /// <summary>Finds an endpoint by name (with or without the slash, exact case first) or by fn_index.</summary>
    public EndpointInfo FindEndpoint(string apiName)
    {
        var name = "/" + (apiName ?? "").Trim().TrimStart('/');
        var exact = _endpoints.FirstOrDefault(e => e.ApiName == name);
        if (exact != null) return exact;
        var loose = _endpoints.Where(e => string.Equals(e.ApiName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (loose.Count == 1) return loose[0];
        if (int.TryParse(apiName?.Trim().TrimStart('/'), out var fn) && _endpoints.FirstOrDefault(e => e.FnIndex == fn && e.ApiName.StartsWith("/fn_index", StringComparison.Ordinal)) is { } unnamed)
            return unnamed;
        var available = _endpoints.Where(e => !e.Hidden).Select(e => e.ApiName).ToList();
        throw new GradioException(GradioErrorKind.ApiNotFound,
            $"The app at {Root} has no endpoint '{name}'. Available: {(available.Count == 0 ? "(none)" : string.Join(", ", available))}.", target: name);
    }

    void BuildEndpoints()
    {
        var components = (Config?["components"] as JsonArray)?.OfType<JsonObject>()
            .Where(c => c["id"] != null)
            .GroupBy(c => c["id"]!.GetValue<int>())
            .ToDictionary(g => g.Key, g => g.First()) ?? new Dictionary<int, JsonObject>();
        bool IsSkipped(int id) => components.TryGetValue(id, out var c) &&
            (c["skip_api"] is JsonValue s && s.TryGetValue<bool>(out var sb) ? sb : SkippedTypes.Contains(c["type"]?.ToString() ?? ""));
        string Label(int id) => components.TryGetValue(id, out var c) ? c["props"]?["label"]?.ToString() ?? c["type"]?.ToString() ?? "value" : "value";

        var deps = (Config?["dependencies"] as JsonArray)?.Select((d, i) => (dep: d as JsonObject, fn: (d?["id"] as JsonValue)?.GetValue<int>() ?? i))
            .Where(x => x.dep != null).ToList() ?? new List<(JsonObject? dep, int fn)>();
        (JsonObject? dep, int? fn) DepByName(string route)
        {
            var m = deps.FirstOrDefault(x => x.dep!["api_name"] is JsonValue v && v.TryGetValue<string>(out var s) && s == route);
            return m.dep == null ? (null, null) : (m.dep, m.fn);
        }

        var named = Info["named_endpoints"] as JsonObject ?? new JsonObject();
        foreach (var kv in named)
        {
            var (dep, fn) = DepByName(kv.Key.TrimStart('/'));
            _endpoints.Add(new EndpointInfo(kv.Key, fn, kv.Value as JsonObject, dep, IsSkipped, Label, hidden: false));
        }
        if (Info["unnamed_endpoints"] is JsonObject unnamed)
            foreach (var kv in unnamed)
                if (int.TryParse(kv.Key, out var fn))
                    _endpoints.Add(new EndpointInfo("/fn_index_" + fn, fn, kv.Value as JsonObject, deps.FirstOrDefault(x => x.fn == fn).dep, IsSkipped, Label, hidden: false));

        // show_api=False endpoints are missing from /info but callable by name (§2.3).
        foreach (var (dep, fn) in deps)
        {
            if (dep!["api_name"] is not JsonValue v || !v.TryGetValue<string>(out var route)) continue;
            if (dep["backend_fn"] is JsonValue b && b.TryGetValue<bool>(out var hasFn) && !hasFn) continue;
            if (_endpoints.Any(e => e.RouteName == route)) continue;
            _endpoints.Add(new EndpointInfo("/" + route, fn, null, dep, IsSkipped, Label, hidden: true));
        }
    }
}
