using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// One callable endpoint: its /info description joined with its /config dependency, which says
/// where State inputs sit (they are left out of /info but need a null slot on the wire, §3.11).
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

    /// <summary>Fails, naming the expected parameters, when <paramref name="given"/> values cannot fill them.</summary>
    public void CheckArgumentCount(int given)
    {
        if (given > Parameters.Count)
            throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} takes {Count(Parameters.Count)} ({Signature}); {given} were given.", target: ApiName);
        var missing = Parameters.Skip(given).Where(p => !p.HasDefault).Select(p => p.DisplayName).ToList();
        if (missing.Count > 0)
            throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} takes {Count(Parameters.Count)} ({Signature}); {given} were given, so {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.", target: ApiName);
    }

    /// <summary>
    /// Places the caller's values (one per /info parameter, in order) into the wire's input
    /// list: missing trailing values take their defaults, State slots get null.
    /// </summary>
    public JsonArray BuildInputs(IReadOnlyList<JsonNode?> values)
    {
        CheckArgumentCount(values.Count);
        var wire = new JsonNode?[InputCount];
        for (var i = 0; i < Parameters.Count; i++)
            wire[_parameterSlots[i]] = i < values.Count ? values[i]?.DeepClone() : Parameters[i].Default?.DeepClone();
        return new JsonArray(wire);
    }

    /// <summary>The parameter a name means: its Python name or its label, ignoring case.</summary>
    public ParameterInfo? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Parameters.FirstOrDefault(p => string.Equals(p.Label, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Orders values given by name into the positional list, defaults filling what is left out;
    /// unknown or missing names fail before any request, naming the valid ones.
    /// </summary>
    public List<object?> OrderByName(IReadOnlyDictionary<string, object?> named)
    {
        var byIndex = new Dictionary<int, object?>();
        foreach (var kv in named)
        {
            var p = FindParameter(kv.Key) ?? throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} has no parameter '{kv.Key}'. Its parameters: {Signature}.", target: ApiName);
            byIndex[p.Index] = kv.Value;
        }
        return OrderByIndex(byIndex);
    }

    /// <summary>The positional list for values keyed by parameter index; missing ones take their default or fail.</summary>
    public List<object?> OrderByIndex(IReadOnlyDictionary<int, object?> values)
    {
        var missing = Parameters.Where(p => !values.ContainsKey(p.Index) && !p.HasDefault).Select(p => p.DisplayName).ToList();
        if (missing.Count > 0)
            throw new GradioException(GradioErrorKind.InvalidArguments,
                $"{ApiName} needs {string.Join(", ", missing)} (its parameters: {Signature}).", target: ApiName);
        // A position left out before a given one takes its default explicitly, to keep later positions in place.
        var count = values.Count == 0 ? 0 : values.Keys.Max() + 1;
        var result = new List<object?>();
        for (var i = 0; i < count; i++) result.Add(values.TryGetValue(i, out var v) ? v : Parameters[i].Default?.DeepClone());
        return result;
    }

    /// <summary>The outputs a caller sees: State and layout outputs removed, as both official clients do.</summary>
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
