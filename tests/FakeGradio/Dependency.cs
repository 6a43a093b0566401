using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>The Python function behind an event: receives preprocessed inputs, yields one value per output.</summary>
internal delegate IAsyncEnumerable<JsonNode?[]> EventFunction(JobContext job, JsonNode?[] args);

/// <summary>One event listener of the app (an entry of config.dependencies); FnIndex is its position.</summary>
internal sealed class Dependency
{
    public required int FnIndex { get; init; }
    /// <summary>The api_name; null = unnamed (3.x default).</summary>
    public string? ApiName { get; init; }
    /// <summary>api_name=False: not exposed by name.</summary>
    public bool ApiNameFalse { get; init; }
    public required int Trigger { get; init; }
    public required Component[] Inputs { get; init; }
    public required Component[] Outputs { get; init; }
    /// <summary>The Python parameter names, by position in Inputs (State included).</summary>
    public string[] ParameterNames { get; init; } = [];
    public bool Generator { get; init; }
    public bool ShowApi { get; init; } = true;
    /// <summary>Null for a JS-only event (backend_fn false).</summary>
    public EventFunction? Function { get; init; }
    public string? Js { get; init; }

    public bool BackendFn => Function is not null;

    /// <summary>Listed in /info (before show_api filtering).</summary>
    public bool InApi => BackendFn && !ApiNameFalse;
}
