using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// The names of an endpoint's outputs, for results keyed by output: each output's label from
/// /info's "returns" (docs/gradio-protocol.md), else its component, else "output"; names that
/// repeat (ignoring case, as PowerShell properties do) get _2, _3, ...
/// </summary>
public static class OutputNames
{
    public static IReadOnlyList<string> For(IReadOnlyList<JsonObject> returns, int count)
    {
        var names = new List<string>(count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var info = i < returns.Count ? returns[i] : null;
            var name = Text(info?["label"]) ?? Text(info?["component"]) ?? "output";
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++) unique = $"{name}_{n}";
            names.Add(unique);
        }
        return names;
    }

    static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
