using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>What a client needs to know of an app: version, protocol, prefix and endpoints (docs/gradio-protocol.md §2).</summary>
public sealed class AppInfo
{
    // 3.x configs have no skip_api; these are the blocks the official client skips (docs/gradio-protocol.md §2.1).
    static readonly HashSet<string> SkippedTypes = new(StringComparer.OrdinalIgnoreCase)
    { "state", "row", "column", "tabs", "tab", "tabitem", "box", "form", "accordion", "group", "interpretation", "dataset" };

    static readonly string[] ConsumedConfigKeys = { "components", "layout", "dependencies" };

    readonly List<EndpointInfo> _endpoints = new();
    readonly Dictionary<string, EndpointInfo> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, EndpointInfo?> _byLooseName = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<int, EndpointInfo> _unnamedByFn = new();

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
        // Read once into Endpoints: kept, they would hold most of a big app's /config (150 MB
        // of JSON for 20k endpoints) for as long as the app is cached.
        foreach (var key in ConsumedConfigKeys) config?.Remove(key);
    }

    public Uri Root { get; }

    /// <summary>The root plus the API prefix: where info, call, queue, upload and file routes live.</summary>
    public Uri ApiBase { get; }

    /// <summary>The app's /config without the parts read into <see cref="Endpoints"/> (components, layout, dependencies).</summary>
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
    /// so the stream must be read at .../call/{api}/{session_hash} (docs/gradio-protocol.md §3.1).
    /// </summary>
    public bool CallStreamKeyedBySession => Known && Version < new Version(6, 18);

    /// <summary>Gradio 3.x file format ({name, data, is_file}) rather than FileData.</summary>
    public bool Uses3xFiles => Protocol == "ws";

    /// <summary>Finds an endpoint by name (with or without the slash, exact case first) or by fn_index.</summary>
    public EndpointInfo FindEndpoint(string apiName)
    {
        var name = "/" + (apiName ?? "").Trim().TrimStart('/');
        if (_byName.TryGetValue(name, out var exact)) return exact;
        if (_byLooseName.TryGetValue(name, out var loose) && loose != null) return loose;
        if (int.TryParse(apiName?.Trim().TrimStart('/'), out var fn) && _unnamedByFn.TryGetValue(fn, out var unnamed)) return unnamed;
        var available = _endpoints.Where(e => !e.Hidden).Select(e => e.ApiName).ToList();
        throw new GradioException(GradioErrorKind.ApiNotFound,
            $"The app at {Root} has no endpoint '{name}'. Available: {(available.Count == 0 ? "(none)" : string.Join(", ", available))}.", target: name);
    }

    /// <summary>
    /// Joins each /info endpoint with its /config dependency. Dependencies are indexed by route
    /// and by fn_index first, so apps with thousands of endpoints are read in linear time.
    /// </summary>
    void BuildEndpoints()
    {
        var components = new Dictionary<int, JsonObject>();
        foreach (var c in (Config?["components"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
            if (c["id"] is JsonValue id && !components.ContainsKey(id.GetValue<int>())) components[id.GetValue<int>()] = c;
        bool IsSkipped(int id) => components.TryGetValue(id, out var c) &&
            (c["skip_api"] is JsonValue s && s.TryGetValue<bool>(out var sb) ? sb : SkippedTypes.Contains(c["type"]?.ToString() ?? ""));
        string Label(int id) => components.TryGetValue(id, out var c) ? c["props"]?["label"]?.ToString() ?? c["type"]?.ToString() ?? "value" : "value";

        // The first dependency of a route or fn_index wins, as a scan in order would find it.
        var deps = new List<(JsonObject dep, int fn, string? route)>();
        var byRoute = new Dictionary<string, (JsonObject dep, int fn)>(StringComparer.Ordinal);
        var byFn = new Dictionary<int, JsonObject>();
        var index = 0;
        foreach (var node in Config?["dependencies"] as JsonArray ?? new JsonArray())
        {
            var i = index++;
            if (node is not JsonObject dep) continue;
            var fn = (dep["id"] as JsonValue)?.GetValue<int>() ?? i;
            var route = dep["api_name"] is JsonValue v && v.TryGetValue<string>(out var r) ? r : null;
            deps.Add((dep, fn, route));
            if (route != null && !byRoute.ContainsKey(route)) byRoute[route] = (dep, fn);
            if (!byFn.ContainsKey(fn)) byFn[fn] = dep;
        }

        var routes = new HashSet<string>(StringComparer.Ordinal);
        var named = Info["named_endpoints"] as JsonObject ?? new JsonObject();
        foreach (var kv in named)
        {
            var route = kv.Key.TrimStart('/');
            var found = byRoute.TryGetValue(route, out var d);
            Add(new EndpointInfo(kv.Key, found ? d.fn : null, kv.Value as JsonObject, found ? d.dep : null, IsSkipped, Label, hidden: false));
        }
        if (Info["unnamed_endpoints"] is JsonObject unnamed)
            foreach (var kv in unnamed)
                if (int.TryParse(kv.Key, out var fn))
                    Add(new EndpointInfo("/fn_index_" + fn, fn, kv.Value as JsonObject, byFn.TryGetValue(fn, out var dep) ? dep : null, IsSkipped, Label, hidden: false));

        // show_api=False endpoints are missing from /info but callable by name (docs/gradio-protocol.md §2.3).
        foreach (var (dep, fn, route) in deps)
        {
            if (route == null || routes.Contains(route)) continue;
            if (dep["backend_fn"] is JsonValue b && b.TryGetValue<bool>(out var hasFn) && !hasFn) continue;
            Add(new EndpointInfo("/" + route, fn, null, dep, IsSkipped, Label, hidden: true));
        }

        void Add(EndpointInfo e)
        {
            _endpoints.Add(e);
            routes.Add(e.RouteName);
            if (!_byName.ContainsKey(e.ApiName)) _byName[e.ApiName] = e;
            // A name that differs only in case from another is ambiguous: kept as null.
            _byLooseName[e.ApiName] = _byLooseName.ContainsKey(e.ApiName) ? null : e;
            if (e.FnIndex is int f && e.ApiName.StartsWith("/fn_index", StringComparison.Ordinal) && !_unnamedByFn.ContainsKey(f)) _unnamedByFn[f] = e;
        }
    }
}
