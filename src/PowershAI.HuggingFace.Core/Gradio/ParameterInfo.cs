using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>One input of an endpoint, as /info describes it.</summary>
public sealed class ParameterInfo
{
    internal ParameterInfo(JsonObject? raw, int index, string fallbackLabel)
    {
        Raw = raw;
        Index = index;
        Label = raw?["label"]?.ToString() is { Length: > 0 } label ? label : fallbackLabel;
        Name = raw?["parameter_name"]?.ToString();
        HasDefault = raw?["parameter_has_default"]?.GetValue<bool>() ?? false;
        Default = raw?["parameter_default"]?.DeepClone();
        Component = raw?["component"]?.ToString() ?? "";
        // python_type is {"type": ..., "description": ...}, or a bare string in some versions.
        PythonType = raw?["python_type"] is JsonObject py ? py["type"]?.ToString() : raw?["python_type"]?.ToString();
    }

    public JsonObject? Raw { get; }

    public int Index { get; }

    public string Label { get; }

    /// <summary>The Python parameter name (Gradio 4.23+), else null.</summary>
    public string? Name { get; }

    public bool HasDefault { get; }

    public JsonNode? Default { get; }

    public string Component { get; }

    public string? PythonType { get; }

    /// <summary>The name to show a person: the Python name when known, else the label.</summary>
    public string DisplayName => Name ?? Label;

    /// <summary>Whether the value is a file (FileData schema or a file-like component).</summary>
    public bool IsFile => FileData.IsFileSchema(Raw?["type"], Component, PythonType);
}
