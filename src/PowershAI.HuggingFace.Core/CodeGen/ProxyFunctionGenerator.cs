using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>
/// Where a generated function sends its calls, how it is named, and the contract it shares with
/// the cmdlet it forwards to (its marker attribute and control parameters), which the cmdlet
/// layer supplies.
/// </summary>
public sealed class ProxyOptions
{
    static readonly Regex TypeName = new(@"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$", RegexOptions.CultureInvariant);
    static readonly Regex CommandName = new(@"^([\p{L}_][\p{L}\p{Nd}_.]*\\)?[\p{L}_][\p{L}\p{Nd}_]*-[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant);
    ISet<string>? _reserved;
    string? _controlsHelp;
    string? _controlDeclarations;

    /// <param name="markerAttribute">The attribute type that marks generated functions (written as [FullName('session', 'api')]).</param>
    /// <param name="forwardTo">The compiled cmdlet the functions forward to, module-qualified ("Module\\Verb-Noun").</param>
    /// <param name="controls">The parameters every function adds, in order.</param>
    public ProxyOptions(string markerAttribute, string forwardTo, IReadOnlyList<ControlParameter> controls)
    {
        // Both are written into code as they are: only plain names may pass.
        if (!TypeName.IsMatch(markerAttribute)) throw new ArgumentException($"'{markerAttribute}' is not a type name.", nameof(markerAttribute));
        if (!CommandName.IsMatch(forwardTo)) throw new ArgumentException($"'{forwardTo}' is not a command name.", nameof(forwardTo));
        MarkerAttribute = markerAttribute;
        ForwardTo = forwardTo;
        Controls = controls;
    }

    public string Prefix { get; set; } = "Invoke-GradioApi";
    public string SessionName { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string GeneratorVersion { get; set; } = "";
    public string MarkerAttribute { get; }
    public string ForwardTo { get; }
    public IReadOnlyList<ControlParameter> Controls { get; }

    /// <summary>Names endpoint parameters may not take: PowerShell's and the controls'.</summary>
    internal ISet<string> ReservedNames => _reserved ??= PowerShellNames.ReservedWith(Controls);

    /// <summary>The controls' declarations in a param block, the same in every function: written once.</summary>
    internal string ControlDeclarations => _controlDeclarations ??= string.Join(",\n\n", Controls.Select(ProxyFunctionGenerator.Declaration));

    /// <summary>The controls' .PARAMETER sections, the same in every function: written once.</summary>
    internal string ControlsHelp => _controlsHelp ??= string.Concat(Controls.Select(c => ".PARAMETER " + c.Name + "\n" + PowerShellText.HelpLine(c.Help) + "\n\n"));
}

/// <summary>One parameter of a generated function.</summary>
public sealed class ProxyParameter
{
    public ProxyParameter(string name, ParameterInfo source, ParameterType type)
    {
        Name = name;
        Source = source;
        Type = type;
    }

    public string Name { get; }

    /// <summary>The Python name, kept usable when it differs from <see cref="Name"/> by more than case.</summary>
    public string? Alias { get; internal set; }
    public ParameterInfo Source { get; }
    public ParameterType Type { get; }
    public bool Mandatory => !Source.HasDefault;
}

/// <summary>A generated function: its name, its text, and how its parameters map to the endpoint's.</summary>
public sealed class GeneratedFunction
{
    public GeneratedFunction(string name, string text, IReadOnlyList<ProxyParameter> parameters, EndpointInfo endpoint, Hashtable call)
    {
        Name = name;
        Text = text;
        Parameters = parameters;
        Endpoint = endpoint;
        Call = call;
    }

    public string Name { get; }
    public string Text { get; }
    public IReadOnlyList<ProxyParameter> Parameters { get; }
    public EndpointInfo Endpoint { get; }

    /// <summary>
    /// What the function forwards besides its bound parameters (SessionId, Session, ApiName,
    /// ParameterMap: its parameter names to the endpoint's indexes), splatted from the module's
    /// call table (<see cref="ProxyFunctionGenerator.CallTable"/>) rather than written into its text.
    /// </summary>
    public Hashtable Call { get; }
}

/// <summary>
/// Writes one PowerShell function per endpoint: typed parameters, comment-based help and a body
/// that only forwards its bound parameters to a compiled cmdlet. Every string that came from the
/// server goes in as a single-quoted literal or defused help text (docs/conventions.md §2).
/// </summary>
public static class ProxyFunctionGenerator
{
    const string DirectSet = "Direct";
    const string PipelineSet = "Pipeline";

    /// <summary>Functions for several endpoints; endpoints whose names clean up alike ("do-it", "do_it") get numbered names.</summary>
    public static List<GeneratedFunction> GenerateAll(AppInfo app, IEnumerable<EndpointInfo> endpoints, ProxyOptions options)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // One buffer for all: a fresh one per function was a third of what a generation allocated.
        var buffer = new StringBuilder(8192);
        return endpoints.Select((e, i) => Generate(app, e, options, i, taken, buffer)).ToList();
    }

    public static GeneratedFunction Generate(AppInfo app, EndpointInfo endpoint, ProxyOptions options, int index, ISet<string>? takenNames = null) =>
        Generate(app, endpoint, options, index, takenNames, new StringBuilder(8192));   // a function's text is 3-6 KB: one buffer, no growing

    static GeneratedFunction Generate(AppInfo app, EndpointInfo endpoint, ProxyOptions options, int index, ISet<string>? takenNames, StringBuilder sb)
    {
        if (!PowerShellNames.IsValidPrefix(options.Prefix))
            throw new GradioException(GradioErrorKind.InvalidArguments, $"'{options.Prefix}' cannot start a function name: use letters, digits, '-' and '_', starting with a letter.");
        var baseName = PowerShellNames.Function(options.Prefix, endpoint.ApiName, index);
        var name = baseName;
        for (var n = 2; takenNames != null && !takenNames.Add(name); n++) name = baseName + n;
        var reserved = options.ReservedNames;
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parameters = endpoint.Parameters
            .Select(p => new ProxyParameter(PowerShellNames.Parameter(p.Name, p.Label, p.Index, taken, reserved), p, ParameterType.For(p)))
            .ToList();
        foreach (var p in parameters)
            if (p.Source.Name is { } py && PowerShellNames.IsIdentifier(py) && !reserved.Contains(py) && taken.Add(py))
                p.Alias = py;

        sb.Clear().Append("function ").Append(name).Append(" {\n");
        WriteHelp(sb, app, endpoint, options, name, parameters);
        sb.Append("    [CmdletBinding(DefaultParameterSetName = '").Append(DirectSet).Append("')]\n");
        sb.Append("    [").Append(options.MarkerAttribute).Append('(')
          .Append(PowerShellText.Quote(options.SessionId)).Append(", ").Append(PowerShellText.Quote(endpoint.ApiName)).Append(")]\n");
        sb.Append("    param(\n");
        // Declarations separated by a blank line, written in place.
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0) sb.Append(",\n\n");
            WriteDeclaration(sb, parameters[i], i);
        }
        if (options.Controls.Count > 0)
        {
            if (parameters.Count > 0) sb.Append(",\n\n");
            sb.Append(options.ControlDeclarations);
        }
        sb.Append('\n');
        sb.Append("    )\n");
        // What the function forwards to Invoke-GradioEndpoint besides its bound parameters, from the
        // module's call table (data: a literal per function was 10-20 % of the module's parse), splatted
        // by the module's SharedSteps; they are dot-sourced, so they run in this function's scope
        // with its $PSCmdlet and $MyInvocation (passed, as a dot-sourced block sets its own).
        sb.Append("    begin {\n");
        sb.Append("        $").Append(CallVariable).Append(" = $script:").Append(CallTableVariable).Append('[').Append(PowerShellText.Quote(name)).Append("]\n");
        sb.Append("        . $script:").Append(BeginStep).Append(" $MyInvocation\n");
        sb.Append("    }\n");
        // A dot-sourced block has a $PSBoundParameters of its own: the function's goes as an argument.
        sb.Append("    process { . $script:").Append(ProcessStep).Append(" $PSBoundParameters }\n");
        sb.Append("    end { . $script:").Append(EndStep).Append(" }\n");
        sb.Append("}\n");
        return new GeneratedFunction(name, sb.ToString(), parameters, endpoint, CallOf(options, endpoint, parameters));
    }

    /// <summary>The variable the function's begin block fills with its forwarded arguments (a reserved parameter name).</summary>
    public const string CallVariable = "GradioCall";

    /// <summary>The module's parameter: its functions' <see cref="GeneratedFunction.Call"/> by function name (<see cref="CallTable"/>).</summary>
    const string CallTableVariable = "GradioCalls";
    const string BeginStep = "GradioBeginStep";
    const string ProcessStep = "GradioProcessStep";
    const string EndStep = "GradioEndStep";

    /// <summary>
    /// The text of a module of generated functions: a parameter for their <see cref="CallTable"/>,
    /// <see cref="SharedSteps"/>, then the functions.
    /// </summary>
    public static string ModuleText(IEnumerable<GeneratedFunction> functions, ProxyOptions options)
    {
        // One concatenation of an array sizes the text once; a join of a sequence grows buffers to
        // several times the text (megabytes, for hundreds of functions). A blank line between functions.
        var parts = new List<string> { "param($" + CallTableVariable + ")\n" + SharedSteps(options.ForwardTo) };
        foreach (var f in functions)
        {
            if (parts.Count > 1) parts.Add("\n");
            parts.Add(f.Text);
        }
        return string.Concat(parts.ToArray());
    }

    /// <summary>
    /// The steps every function of a module dot-sources, written once: a copy in each of hundreds
    /// of functions was a large part of PowerShell's parse of the module (bench/README.md).
    /// Piped input goes to one cmdlet held as a steppable pipeline for all the items, so
    /// -ThrottleLimit can keep several calls in flight and Ctrl+C reaches the calls it holds; its
    /// output goes straight to the function's (begun with the function's $ExecutionContext). A
    /// direct call is one call of the cmdlet: making a steppable pipeline costs about as much as
    /// the rest of a call to an instant server (bench/README.md). $SteppablePipeline is always
    /// set in the function's scope, so a global variable of that name is never read.
    /// A failed item is reported by the cmdlet through -Caller as the function's error; a failure
    /// of the whole command is re-thrown through the function's $PSCmdlet, so it names the
    /// function and the caller's line. $Error gets the function's record of it instead of the
    /// cmdlet's (whose position is a line of generated text): PowerShell keeps only the first of
    /// two records of one exception.
    /// </summary>
    public static string SharedSteps(string forwardTo) =>
        "$script:" + BeginStep + " = {\n" +
        "    $SteppablePipeline = $null\n" +
        "    if ($args[0].ExpectingInput) {\n" +
        "        $SteppablePipeline = { " + forwardTo + " @" + CallVariable + " -Caller $PSCmdlet }.GetSteppablePipeline($args[0].CommandOrigin)\n" +
        "        $SteppablePipeline.Begin($true, $ExecutionContext)\n" +
        "    }\n" +
        "}\n" +
        Step(ProcessStep, "if ($SteppablePipeline) { $SteppablePipeline.Process($args[0]) } else { " + forwardTo + " @" + CallVariable + " -Caller $PSCmdlet -BoundParameters $args[0] }") +
        Step(EndStep, "if ($SteppablePipeline) { $SteppablePipeline.End() }");

    static string Step(string name, string statement) =>
        "$script:" + name + " = {\n" +
        "    try { " + statement + " } catch {\n" +
        "        if ($global:Error.Count -gt 0 -and [object]::ReferenceEquals($global:Error[0].Exception, $_.Exception)) { $global:Error.RemoveAt(0) }\n" +
        "        $PSCmdlet.ThrowTerminatingError($_)\n" +
        "    }\n" +
        "}\n";

    /// <summary>The argument the module text's parameter takes: each function's <see cref="GeneratedFunction.Call"/> by its name.</summary>
    public static Hashtable CallTable(IEnumerable<GeneratedFunction> functions)
    {
        // Keys and names as PowerShell compares them: without regard to case.
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var f in functions) table[f.Name] = f.Call;
        return table;
    }

    static Hashtable CallOf(ProxyOptions options, EndpointInfo endpoint, IReadOnlyList<ProxyParameter> parameters)
    {
        var map = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parameters) map[p.Name] = p.Source.Index;
        return new Hashtable(StringComparer.OrdinalIgnoreCase)
        {
            ["SessionId"] = options.SessionId,
            ["Session"] = options.SessionName,
            ["ApiName"] = endpoint.ApiName,
            ["ParameterMap"] = map,
        };
    }

    static void WriteDeclaration(StringBuilder sb, ProxyParameter p, int position)
    {
        var pos = position.ToString(CultureInfo.InvariantCulture);
        // Mandatory only when called directly: piped calls may fill it through -ApiResultMap.
        // From the pipeline by property name, so a script block value (-A { $_ }) is evaluated per
        // item. Not in the direct set: a set whose mandatory parameter could come from the
        // pipeline would be chosen for piped input and then fail to bind it.
        const string byName = ", ValueFromPipelineByPropertyName = $true";
        if (p.Mandatory)
            sb.Append("        [Parameter(Mandatory = $true, Position = ").Append(pos).Append(", ParameterSetName = '").Append(DirectSet).Append("')]\n")
              .Append("        [Parameter(Position = ").Append(pos).Append(", ParameterSetName = '").Append(PipelineSet).Append('\'').Append(byName).Append(")]\n");
        else
            sb.Append("        [Parameter(Position = ").Append(pos).Append(byName).Append(")]\n");
        if (p.Type.Choices.Count > 0)
            sb.Append("        [ValidateSet(").Append(string.Join(", ", p.Type.Choices.Select(PowerShellText.Quote))).Append(")]\n");
        if (p.Alias != null) sb.Append("        [Alias(").Append(PowerShellText.Quote(p.Alias)).Append(")]\n");
        if (!p.Mandatory) sb.Append("        [AllowNull()]\n");
        sb.Append("        [").Append(p.Type.TypeName).Append("]\n");
        sb.Append("        $").Append(p.Name);
        var literal = p.Source.HasDefault ? DefaultLiteral(p.Type, p.Source.Default) : null;
        if (literal != null) sb.Append(" = ").Append(literal);
    }

    internal static string Declaration(ControlParameter c)
    {
        var sb = new StringBuilder();
        if (c.FromPipeline)
            sb.Append("        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ParameterSetName = '").Append(PipelineSet).Append("')]\n");
        if (c.Aliases.Count > 0) sb.Append("        [Alias(").Append(string.Join(", ", c.Aliases.Select(PowerShellText.Quote))).Append(")]\n");
        sb.Append("        [").Append(c.TypeName).Append("]\n");
        return sb.Append("        $").Append(c.Name).ToString();
    }

    static void WriteHelp(StringBuilder sb, AppInfo app, EndpointInfo endpoint, ProxyOptions options, string name, IReadOnlyList<ProxyParameter> parameters)
    {
        var version = app.VersionText.Length > 0 ? "Gradio " + app.VersionText : "a Gradio app";
        sb.Append("<#\n.SYNOPSIS\n");
        sb.Append(PowerShellText.HelpLine($"Calls the endpoint {endpoint.ApiName} of the Gradio app at {app.Root} (session '{options.SessionName}').")).Append("\n\n");
        sb.Append(".DESCRIPTION\n");
        if (endpoint.Raw?["description"]?.ToString() is { Length: > 0 } description) sb.Append(PowerShellText.HelpBlock(description)).Append("\n\n");
        sb.Append(PowerShellText.HelpLine($"Generated by PowershAI.HuggingFace {options.GeneratorVersion} from the /info of {version}.")).Append('\n');
        sb.Append("Results stream as objects with num, ts, event and data (one item per output); file outputs are\n");
        sb.Append("downloaded into -OutputDirectory and returned as files. Local files given as inputs are uploaded.\n");
        sb.Append("Get-Help Invoke-GradioEndpoint -Full describes the other parameters (-Manual and after) in full.\n\n");
        sb.Append("Outputs of this endpoint:\n");
        if (endpoint.Returns.Count == 0) sb.Append("  (none)\n");
        foreach (var r in endpoint.Returns)
            sb.Append("  ").Append(PowerShellText.HelpLine($"[{r["component"]}] {r["label"]}: {r["python_type"]?["type"] ?? r["type"]?["type"]}")).Append('\n');
        sb.Append('\n');
        foreach (var p in parameters)
        {
            sb.Append(".PARAMETER ").Append(p.Name).Append('\n');
            sb.Append(PowerShellText.HelpLine(ParameterHelp(p))).Append("\n\n");
        }
        sb.Append(options.ControlsHelp);
        var example = PowerShellText.HelpLine(Example(name, parameters));
        sb.Append(".EXAMPLE\n").Append(example).Append("\n\n");
        sb.Append(PowerShellText.HelpLine($"Calls {endpoint.ApiName} and writes each result as it streams in.")).Append("\n\n");
        sb.Append(".EXAMPLE\n").Append(example).Append(" -Manual | Update-GradioSessionApiResult\n\n");
        sb.Append("Submits the call, returns its handle, and reads the results later.\n\n");
        sb.Append(".OUTPUTS\nPowershAI.HuggingFace.Objects.GradioApiEventResult\n\n");
        sb.Append(".LINK\nGet-GradioEndpoint\n");
        sb.Append("#>\n");
    }

    static string ParameterHelp(ProxyParameter p)
    {
        var s = p.Source;
        var parts = new List<string> { s.Label.Length > 0 ? s.Label + "." : "" };
        parts.Add($"Gradio component: {(s.Component.Length > 0 ? s.Component : "unknown")}; type: {s.PythonType ?? p.Type.TypeName}.");
        if (p.Type.IsFile) parts.Add("A local path, a FileInfo (both uploaded), a URL (fetched by the server) or a FileData object.");
        if (p.Type.Choices.Count > 0) parts.Add("One of: " + string.Join(", ", p.Type.Choices) + ".");
        parts.Add(s.HasDefault ? $"Default: {Json(s.Default)}." : "Required.");
        if (s.Raw?["python_type"]?["description"]?.ToString() is { Length: > 0 } d) parts.Add(d);
        if (s.Raw?["example_input"] is { } example) parts.Add($"Example: {Json(example)}.");
        return string.Join(" ", parts.Where(x => x.Length > 0));
    }

    static string Example(string name, IReadOnlyList<ProxyParameter> parameters)
    {
        var sb = new StringBuilder(name);
        foreach (var p in parameters.Where(p => p.Mandatory || p.Source.Raw?["example_input"] != null).Take(6))
            sb.Append(" -").Append(p.Name).Append(' ').Append(ExampleLiteral(p));
        return sb.ToString();
    }

    static string ExampleLiteral(ProxyParameter p)
    {
        if (p.Type.IsFile) return PowerShellText.Quote("./input" + Extension(p.Source.Component));
        if (p.Type.Choices.Count > 0) return PowerShellText.Quote(p.Type.Choices[0]);
        return DefaultLiteral(p.Type, p.Source.Raw?["example_input"]) ?? DefaultLiteral(p.Type, p.Source.Default) ?? p.Type.Kind switch
        {
            ValueKind.Integer or ValueKind.Number => "1",
            ValueKind.Boolean => "$true",
            _ => PowerShellText.Quote("value"),
        };
    }

    static string Extension(string component) => component.ToLowerInvariant() switch
    {
        "image" => ".png",
        "audio" => ".wav",
        "video" => ".mp4",
        _ => ".txt",
    };

    /// <summary>A default as a PowerShell literal of the parameter's type, or null when it has no faithful one.</summary>
    static string? DefaultLiteral(ParameterType type, JsonNode? value)
    {
        if (value == null) return null;
        switch (type.Kind)
        {
            case ValueKind.String:
                return value is JsonValue sv ? PowerShellText.Quote(sv.TryGetValue<string>(out var s) ? s : sv.ToJsonString()) : null;
            case ValueKind.Integer:
                return value is JsonValue iv && double.TryParse(iv.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Floor(n)
                    ? ((long)n).ToString(CultureInfo.InvariantCulture) : null;
            case ValueKind.Number:
                return value is JsonValue dv && double.TryParse(dv.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? PowerShellText.Number(d) : null;
            case ValueKind.Boolean:
                return value is JsonValue bv && bv.TryGetValue<bool>(out var b) ? (b ? "$true" : "$false") : null;
            case ValueKind.StringList or ValueKind.IntegerList or ValueKind.NumberList or ValueKind.BooleanList:
                if (value is not JsonArray a) return null;
                var itemType = ParameterTypeOfItem(type.Kind);
                var items = a.Select(x => DefaultLiteral(itemType, x)).ToList();
                return items.Any(x => x == null) ? null : "@(" + string.Join(", ", items) + ")";
            case ValueKind.Json or ValueKind.List:
                return PowerShellText.Quote(value.ToJsonString());
            default:
                return null;
        }
    }

    static ParameterType ParameterTypeOfItem(ValueKind list) => ScalarTypes[list switch
    {
        ValueKind.StringList => ValueKind.String,
        ValueKind.IntegerList => ValueKind.Integer,
        ValueKind.NumberList => ValueKind.Number,
        _ => ValueKind.Boolean,
    }];

    static readonly Dictionary<ValueKind, ParameterType> ScalarTypes = new[] { ValueKind.String, ValueKind.Integer, ValueKind.Number, ValueKind.Boolean }
        .ToDictionary(k => k, ParameterType.Scalar);

    // Help is read by people: keep quotes and non-ASCII as they are (the text is defused separately).
    static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string Json(JsonNode? n) => n?.ToJsonString(Readable) ?? "null";
}
