using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// One callable endpoint: its /info description joined with its /config dependency, which says
/// where State inputs sit (they are left out of /info but need a null slot on the wire, docs/gradio-protocol.md §3.11).
/// </summary>
public sealed class EndpointInfo
{
    readonly int[] _parameterSlots;
    readonly bool[] _outputSkipped;

    internal EndpointInfo(string apiName, int? fnIndex, JsonObject? raw, JsonObject? dependency, Func<int, bool> isSkipped, Func<int, string> componentLabel, bool hidden)
    {
        ApiName = apiName;
        FnIndex = fnIndex;
        Raw = raw;
        Hidden = hidden;
        Queue = dependency?["queue"] is JsonValue q && q.TryGetValue<bool>(out var qb) ? qb : null;
        IsGenerator = dependency?["types"]?["generator"]?.GetValue<bool>() ?? false;

        var inputs = Ids(dependency?["inputs"]);
        var outputs = Ids(dependency?["outputs"]);
        var visibleInputs = inputs?.Select((id, slot) => (id, slot)).Where(x => !isSkipped(x.id)).ToArray();

        var rawParams = (raw?["parameters"] as JsonArray)?.OfType<JsonObject>().ToList();
        if (rawParams != null)
            Parameters = rawParams.Select((p, i) => new ParameterInfo(p, i, "param_" + i)).ToArray();
        else
            Parameters = (visibleInputs ?? Array.Empty<(int id, int slot)>()).Select((x, i) => new ParameterInfo(null, i, componentLabel(x.id))).ToArray();

        // Without a dependency (no /config) the wire inputs are just the parameters.
        if (inputs != null && visibleInputs!.Length == Parameters.Count)
        {
            InputCount = inputs.Length;
            _parameterSlots = visibleInputs.Select(x => x.slot).ToArray();
        }
        else
        {
            InputCount = Parameters.Count;
            _parameterSlots = Enumerable.Range(0, Parameters.Count).ToArray();
        }
        _outputSkipped = outputs?.Select(isSkipped).ToArray() ?? Array.Empty<bool>();
        Returns = (raw?["returns"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? Array.Empty<JsonObject>();
    }

    /// <summary>The name with its leading slash, as the app spells it ("/Op1").</summary>
    public string ApiName { get; }

    /// <summary>The name as the routes want it, without the slash.</summary>
    public string RouteName => ApiName.TrimStart('/');

    /// <summary>The dependency index (fn_index), when /config was read.</summary>
    public int? FnIndex { get; }

    public JsonObject? Raw { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public IReadOnlyList<JsonObject> Returns { get; }

    /// <summary>True for show_api=False endpoints, which are callable but missing from /info.</summary>
    public bool Hidden { get; }

    /// <summary>The dependency's queue flag (null when unknown or following the app's default).</summary>
    public bool? Queue { get; }

    public bool IsGenerator { get; }

    /// <summary>How many values the wire wants, State slots included.</summary>
    public int InputCount { get; }

    /// <summary>The names of the parameters, for messages.</summary>
    public string Signature => string.Join(", ", Parameters.Select(p => p.HasDefault ? p.DisplayName + "?" : p.DisplayName));

    /// <summary>Binds values given in /info order; fails, naming the parameters, when they cannot fill them.</summary>
    public BoundArguments BindPositional(IReadOnlyList<object?> values)
    {
        if (values.Count > Parameters.Count)
            throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} takes {Count(Parameters.Count)} ({Signature}); {values.Count} were given.", target: ApiName);
        var byIndex = new Dictionary<int, object?>();
        for (var i = 0; i < values.Count; i++) byIndex[i] = values[i];
        return Bind(byIndex);
    }

    /// <summary>Binds values given by Python name or label (case ignored); unknown names fail, naming the valid ones.</summary>
    public BoundArguments BindByName(IEnumerable<KeyValuePair<string, object?>> named)
    {
        var byIndex = new Dictionary<int, object?>();
        foreach (var kv in named)
        {
            var p = FindParameter(kv.Key) ?? throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} has no parameter '{kv.Key}'. Its parameters: {Signature}.", target: ApiName);
            byIndex[p.Index] = kv.Value;
        }
        return Bind(byIndex);
    }

    /// <summary>
    /// Binds values keyed by parameter index: the one check of a call's arguments, made before
    /// anything is uploaded or sent. Parameters left out take their defaults when sent.
    /// </summary>
    public BoundArguments Bind(IReadOnlyDictionary<int, object?> byIndex)
    {
        foreach (var i in byIndex.Keys)
            if (i < 0 || i >= Parameters.Count) throw new ArgumentOutOfRangeException(nameof(byIndex), i, $"{ApiName} has {Count(Parameters.Count)}.");
        var missing = Parameters.Where(p => !byIndex.ContainsKey(p.Index) && !p.HasDefault).Select(p => p.DisplayName).ToList();
        if (missing.Count > 0)
            throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} takes {Count(Parameters.Count)} ({Signature}); {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.", target: ApiName);
        return new BoundArguments(this, byIndex.ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>
    /// The wire's input list for converted values keyed by parameter index: parameters left out
    /// take their defaults, State slots get null.
    /// </summary>
    internal JsonArray ToWire(IReadOnlyDictionary<int, JsonNode?> values)
    {
        var wire = new JsonNode?[InputCount];
        for (var i = 0; i < Parameters.Count; i++)
            wire[_parameterSlots[i]] = values.TryGetValue(i, out var v) ? v : Parameters[i].Default?.DeepClone();
        return new JsonArray(wire);
    }

    /// <summary>The parameter a name means: its Python name or its label, ignoring case.</summary>
    public ParameterInfo? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Parameters.FirstOrDefault(p => string.Equals(p.Label, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The outputs a caller sees: State and layout outputs removed, as both official clients do.</summary>
    [MethodImpl(PerEvent.Compile)]
    public JsonArray VisibleOutputs(JsonArray data)
    {
        if (_outputSkipped.Length != data.Count || !_outputSkipped.Any(s => s)) return data;
        var kept = new JsonArray();
        for (var i = 0; i < data.Count; i++)
            if (!_outputSkipped[i]) kept.Add(data[i]?.DeepClone());
        return kept;
    }

    static string Count(int n) => n == 1 ? "1 parameter" : n + " parameters";

    static int[]? Ids(JsonNode? node) => (node as JsonArray)?.Select(x => x!.GetValue<int>()).ToArray();
}
