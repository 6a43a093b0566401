using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Objects;

/// <summary>One endpoint as Get-GradioEndpoint shows it.</summary>
public sealed class EndpointView
{
    internal EndpointView(AppInfo app, EndpointInfo e, string? session = null)
    {
        Session = session;
        ApiName = e.ApiName;
        FnIndex = e.FnIndex;
        Hidden = e.Hidden;
        AppUrl = app.Root.AbsoluteUri;
        Parameters = e.Parameters.Select(p => new EndpointParameterView(p)).ToArray();
        Returns = e.Returns.Select(r => new EndpointReturnView(r)).ToArray();
    }

    public string ApiName { get; }
    public int? FnIndex { get; }
    public bool Hidden { get; }
    public string AppUrl { get; }

    /// <summary>The session the endpoint was listed from (null when listed by URL), so a piped endpoint calls that session.</summary>
    public string? Session { get; }
    public IReadOnlyList<EndpointParameterView> Parameters { get; }
    public IReadOnlyList<EndpointReturnView> Returns { get; }

    /// <summary>The view_api-style text of gradio_client.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append(" - ").Append(ApiName.TrimStart('/')).Append('(')
          .Append(string.Join(", ", Parameters.Select(p => p.Name))).Append(", api_name=\"").Append(ApiName).Append("\") -> ")
          .Append(Returns.Count == 0 ? "None" : string.Join(", ", Returns.Select(r => r.Label))).Append('\n');
        sb.Append("    Parameters:\n");
        if (Parameters.Count == 0) sb.Append("     - None\n");
        foreach (var p in Parameters)
            sb.Append("     - [").Append(p.Component).Append("] ").Append(p.Name).Append(": ").Append(p.Type)
              .Append(p.Required ? " (required)" : $" (not required, defaults to: {p.Default})").Append('\n');
        sb.Append("    Returns:\n");
        if (Returns.Count == 0) sb.Append("     - None\n");
        foreach (var r in Returns) sb.Append("     - [").Append(r.Component).Append("] ").Append(r.Label).Append(": ").Append(r.Type).Append('\n');
        return sb.ToString();
    }

    public override string ToString() => $"{ApiName}({string.Join(", ", Parameters.Select(p => p.Required ? p.Name : p.Name + "?"))})";
}

public sealed class EndpointParameterView
{
    internal EndpointParameterView(ParameterInfo p)
    {
        Name = p.DisplayName;
        Label = p.Label;
        Component = p.Component;
        var t = ParameterType.For(p);
        Type = p.PythonType ?? t.TypeName;
        PowerShellType = t.TypeName;
        Choices = t.Choices;
        Required = !p.HasDefault;
        Default = p.Default?.ToJsonString() ?? "None";
        Example = p.Raw?["example_input"]?.ToJsonString();
    }

    public string Name { get; }
    public string Label { get; }
    public string Component { get; }
    /// <summary>The Python type /info gives.</summary>
    public string Type { get; }
    /// <summary>The type a generated function's parameter has.</summary>
    public string PowerShellType { get; }
    public IReadOnlyList<string> Choices { get; }
    public bool Required { get; }
    public string Default { get; }
    public string? Example { get; }
    public override string ToString() => Name;
}

public sealed class EndpointReturnView
{
    internal EndpointReturnView(JsonObject r)
    {
        Label = r["label"]?.ToString() ?? "";
        Component = r["component"]?.ToString() ?? "";
        Type = r["python_type"]?["type"]?.ToString() ?? r["type"]?["type"]?.ToString() ?? "";
    }

    public string Label { get; }
    public string Component { get; }
    public string Type { get; }
    public override string ToString() => Label;
}
