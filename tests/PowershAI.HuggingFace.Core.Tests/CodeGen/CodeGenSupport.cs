using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>Fixtures, goldens and apps for the generator tests, read from disk next to this source file.</summary>
static class Gen
{
    public const string UpdateVariable = "POWERSHAI_HF_UPDATE_GOLDEN";
    public static readonly Uri Root = new("http://127.0.0.1:7860/");

    /// <summary>
    /// The control parameters as the cmdlet layer declares them (src/PowershAI.HuggingFace/Infrastructure/CallControls.cs),
    /// so the goldens show real functions; the generator writes whatever list it is given.
    /// </summary>
    public static readonly IReadOnlyList<ControlParameter> Controls = new[]
    {
        new ControlParameter("Manual", "switch", "Return the call's handle (a SessionApiEvent) at once instead of streaming the results."),
        new ControlParameter("ApiResultMap", "string[]", "With pipeline input: fill inputs from the upstream result's data, as Name=Index (from 0).", new[] { "map", "arm" }),
        new ControlParameter("DebugData", "switch", "Return what would be sent (file inputs uploaded), without calling the endpoint."),
        new ControlParameter("ApiToken", "object", "A token sent to this app for this call only."),
        new ControlParameter("PipeObj", "object", "Upstream results (from another generated function): each one triggers a call.", fromPipeline: true),
        new ControlParameter("OutputDirectory", "string", "Where file outputs are downloaded (default: the session's folder)."),
        new ControlParameter("NoDownload", "switch", "Return file outputs as FileData objects instead of downloading them."),
        new ControlParameter("MaxHeartBeats", "int", "Fail with GradioTimeout after this many heartbeats in a row; the call goes on."),
        new ControlParameter("MaxDurationSec", "int", "Fail with GradioTimeout after this many seconds, and cancel the job on the server."),
    };

    public static ISet<string> Reserved => PowerShellNames.ReservedWith(Controls);

    public static ProxyOptions Options(string prefix = "Invoke-GradioApi", IReadOnlyList<ControlParameter>? controls = null) =>
        new("PowershAI.HuggingFace.GradioGeneratedFunction", "PowershAI.HuggingFace\\Invoke-GradioEndpoint", controls ?? Controls)
        {
            Prefix = prefix,
            SessionName = "golden",
            SessionId = "11111111-2222-3333-4444-555555555555",
            GeneratorVersion = "9.9.9",
        };

    static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static string FixturesDir => Path.Combine(Here(), "Fixtures");
    public static string GoldenDir => Path.Combine(Here(), "Golden");

    static JsonObject ReadJson(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8))!;

    /// <summary>The app of a fixture: Fixtures/{name}.info.json and, when present, Fixtures/{name}.config.json.</summary>
    public static AppInfo Fixture(string name)
    {
        var info = ReadJson(Path.Combine(FixturesDir, name + ".info.json"));
        var configPath = Path.Combine(FixturesDir, name + ".config.json");
        var config = File.Exists(configPath) ? ReadJson(configPath) : null;
        return App(info, config);
    }

    public static AppInfo App(JsonObject info, JsonObject? config = null)
    {
        var prefix = config?["api_prefix"]?.ToString();
        var apiBase = string.IsNullOrEmpty(prefix) ? Root : new Uri(Root, prefix!.TrimStart('/') + "/");
        return new AppInfo(Root, apiBase, config, info);
    }

    /// <summary>An app without /config whose /info has one endpoint with the given parameters.</summary>
    public static AppInfo OneEndpoint(string apiName, params JsonObject[] parameters) => App(new JsonObject
    {
        ["named_endpoints"] = new JsonObject
        {
            [apiName] = new JsonObject
            {
                ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)p).ToArray()),
                ["returns"] = new JsonArray(),
                ["show_api"] = true,
            },
        },
        ["unnamed_endpoints"] = new JsonObject(),
    });

    /// <summary>A 4.23+ /info parameter.</summary>
    public static JsonObject Param(string? name, string? label, JsonNode? schema, string pythonType, string component,
        bool hasDefault = false, JsonNode? @default = null, JsonNode? example = null, bool noExample = false)
    {
        var p = new JsonObject();
        if (label != null) p["label"] = label;
        if (name != null) p["parameter_name"] = name;
        p["parameter_has_default"] = hasDefault;
        p["parameter_default"] = @default?.DeepClone();
        p["type"] = schema?.DeepClone();
        p["python_type"] = new JsonObject { ["type"] = pythonType, ["description"] = "" };
        p["component"] = component;
        if (!noExample) p["example_input"] = example?.DeepClone() ?? "example";
        return p;
    }

    public static JsonObject StringSchema() => new() { ["type"] = "string" };

    public static GeneratedFunction One(AppInfo app, string prefix = "Invoke-GradioApi") =>
        ProxyFunctionGenerator.Generate(app, app.Endpoints[0], Options(prefix), 0);

    /// <summary>What the generator writes for every visible endpoint of an app, as the one module text that is loaded.</summary>
    public static string GenerateText(AppInfo app, out List<GeneratedFunction> functions)
    {
        var options = Options();
        functions = ProxyFunctionGenerator.GenerateAll(app, app.Endpoints.Where(e => !e.Hidden), options);
        return ProxyFunctionGenerator.ModuleText(functions, options);
    }

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Compares with Golden/{name}.ps1 byte for byte, or rewrites it when POWERSHAI_HF_UPDATE_GOLDEN=1.</summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(GoldenDir, name + ".ps1");
        if (Updating)
        {
            Directory.CreateDirectory(GoldenDir);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"No golden file {path}; run the tests once with {UpdateVariable}=1 and review it.");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (expected == actual) return;
        // Point at the first differing line, which xunit's string diff does badly on long texts.
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        Assert.Fail($"Generated text differs from {path} at line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end>")}\n  actual:   {(i < a.Length ? a[i] : "<end>")}\n(Set {UpdateVariable}=1 to rewrite goldens after checking the change is wanted.)");
    }
}

/// <summary>One piece of a generated text as PowerShell's tokenizer would see it.</summary>
sealed record PsPiece(PsPieceKind Kind, int Start, int End, string Value);

enum PsPieceKind { Code, Literal, BlockComment }

/// <summary>
/// Just enough of PowerShell's tokenizer to check generated text: single-quoted literals (where
/// ' ‘ ’ ‚ ‛ are all quotes and two in a row stand for the second one), block comments (end at
/// the first #>), and everything else as code.
/// </summary>
static class PsScan
{
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    public static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    public static List<PsPiece> Scan(string text)
    {
        var pieces = new List<PsPiece>();
        var code = new StringBuilder();
        var codeStart = 0;
        var i = 0;
        void FlushCode(int end)
        {
            if (end > codeStart) pieces.Add(new PsPiece(PsPieceKind.Code, codeStart, end, text.Substring(codeStart, end - codeStart)));
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && i + 1 < text.Length && text[i + 1] == '#')
            {
                FlushCode(i);
                var close = text.IndexOf("#>", i + 2, StringComparison.Ordinal);
                Assert.True(close >= 0, $"Unterminated block comment at {i}.");
                pieces.Add(new PsPiece(PsPieceKind.BlockComment, i, close + 2, text.Substring(i + 2, close - i - 2)));
                i = close + 2;
                codeStart = i;
                continue;
            }
            if (IsSingleQuote(c))
            {
                FlushCode(i);
                var sb = new StringBuilder();
                var j = i + 1;
                while (true)
                {
                    Assert.True(j < text.Length, $"Unterminated single-quoted literal at {i}.");
                    var d = text[j];
                    if (IsSingleQuote(d))
                    {
                        if (j + 1 < text.Length && IsSingleQuote(text[j + 1]))
                        {
                            sb.Append(text[j + 1]);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    sb.Append(d);
                    j++;
                }
                pieces.Add(new PsPiece(PsPieceKind.Literal, i, j + 1, sb.ToString()));
                i = j + 1;
                codeStart = i;
                continue;
            }
            i++;
        }
        FlushCode(text.Length);
        return pieces;
    }

    /// <summary>The text with every literal replaced by '' and every comment by a space.</summary>
    public static string CodeOnly(IEnumerable<PsPiece> pieces) =>
        string.Concat(pieces.Select(p => p.Kind switch { PsPieceKind.Code => p.Value, PsPieceKind.Literal => "''", _ => " " }));
}

/// <summary>Structural proof that a generated function is what it claims to be, whatever the server sent.</summary>
static class Structure
{
    /// <summary>PowerShell's own test for a help directive (HelpCommentsParser: leading whitespace allowed).</summary>
    public static readonly Regex Directive = new(@"^\s*\.(\w+)(\s+(\S.*))?\s*$", RegexOptions.CultureInvariant);

    public static readonly Regex ParameterName = new(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant);

    public static readonly string[] Appended = Gen.Controls.Select(c => c.Name).ToArray();

    static readonly string[] ControlAliases = Gen.Controls.SelectMany(c => c.Aliases).ToArray();

    /// <summary>The automatic variables the body uses besides the parameters.</summary>
    static readonly string[] BodyVariables = { "true", "false", "PSBoundParameters", "MyInvocation", "PSCmdlet", "GradioCall", "script:GradioCalls", "script:GradioBeginStep", "script:GradioProcessStep", "script:GradioEndStep" };

    /// <summary>PowerShell's common parameters and their aliases: a function parameter may never take these.</summary>
    public static readonly string[] Common =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf",
    };

    /// <summary>
    /// Checks one generated function and returns the decoded literals of its code (help excluded).
    /// <paramref name="mustAppearAsLiterals"/> are server strings that must come back exactly from some literal.
    /// </summary>
    public static List<string> AssertSafe(GeneratedFunction f, IEnumerable<string>? mustAppearAsLiterals = null)
    {
        var text = f.Text;
        Assert.Matches(@"^[\p{L}][\p{L}\p{Nd}_-]*$", f.Name);
        Assert.StartsWith("function " + f.Name + " {\n<#\n", text);

        var pieces = PsScan.Scan(text);
        var comments = pieces.Where(p => p.Kind == PsPieceKind.BlockComment).ToList();
        Assert.True(comments.Count == 1, $"Expected exactly one block comment (the help), found {comments.Count}.");
        var help = comments[0];
        Assert.Equal(("function " + f.Name + " {\n").Length, help.Start);
        Assert.DoesNotContain("<#", help.Value);
        // The help ended where the generator ended it: right before the CmdletBinding attribute.
        Assert.True(text.Substring(help.End).StartsWith("\n    [CmdletBinding(DefaultParameterSetName = 'Direct')]\n", StringComparison.Ordinal),
            "The help comment ended early: code after it is not the CmdletBinding line.\n" + Excerpt(text, help.End));

        var code = PsScan.CodeOnly(pieces);
        foreach (var bad in new[] { "$(", "${", "`", "#", "@'", "@\"" })
            Assert.False(code.Contains(bad, StringComparison.Ordinal), $"'{bad}' appears outside literals and the help:\n{code}");
        Assert.False(code.Any(PsScan.IsDoubleQuote), "A double quote (expandable string) appears outside literals.");
        Assert.False(code.Any(c => c == '\r'), "A carriage return appears outside literals.");
        AssertBalanced(code);

        // Parameters: PowerShell names, unique, never a common, appended or automatic name.
        var names = f.Parameters.Select(p => p.Name).ToList();
        foreach (var n in names)
        {
            Assert.Matches(ParameterName, n);
            Assert.DoesNotContain(n, Common.Concat(Appended).Concat(ControlAliases), StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(n, Gen.Reserved, StringComparer.OrdinalIgnoreCase);
        }
        var all = names.Concat(Appended).Concat(ControlAliases).Concat(f.Parameters.Where(p => p.Alias != null).Select(p => p.Alias!)).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // The only variables the code names: its parameters and the few the body uses.
        var allowedVariables = new HashSet<string>(names.Concat(Appended).Concat(BodyVariables), StringComparer.Ordinal);
        var variables = Regex.Matches(code, @"\$([\p{L}\p{Nd}_:?]+)").Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        foreach (var v in variables) Assert.Contains(v, allowedVariables);
        foreach (var n in names) Assert.Contains(n, variables);
        var paramBlock = code.Substring(0, code.IndexOf("\n    )\n", StringComparison.Ordinal));
        Assert.Equal(names.Count + Appended.Length, Regex.Matches(paramBlock, @"^        \$[\p{L}\p{Nd}_]+( = [^\n]+)?,?$", RegexOptions.Multiline).Count);

        // Help: the directives PowerShell will see are exactly the generated ones.
        var lines = help.Value.Split('\n').SelectMany(l => l.Split('\r')).ToList();
        var directives = lines.Where(l => Directive.IsMatch(l)).Select(l => l.Trim()).ToList();
        var expected = new List<string> { ".SYNOPSIS", ".DESCRIPTION" };
        expected.AddRange(names.Concat(Appended).Select(n => ".PARAMETER " + n));
        expected.AddRange(new[] { ".EXAMPLE", ".EXAMPLE", ".OUTPUTS", ".LINK" });
        Assert.Equal(expected, directives);

        var literals = pieces.Where(p => p.Kind == PsPieceKind.Literal && p.Start > help.End).Select(p => p.Value).ToList();
        foreach (var s in mustAppearAsLiterals ?? Array.Empty<string>())
            Assert.True(literals.Contains(s), $"No literal decodes back to {Show(s)}; literals: {string.Join(" | ", literals.Select(Show))}");
        return literals;
    }

    static void AssertBalanced(string code)
    {
        var stack = new Stack<char>();
        foreach (var c in code)
        {
            if (c is '(' or '[' or '{') stack.Push(c);
            else if (c is ')' or ']' or '}')
            {
                Assert.True(stack.Count > 0, $"Unbalanced '{c}' in code:\n{code}");
                var open = stack.Pop();
                Assert.Equal(c switch { ')' => '(', ']' => '[', _ => '{' }, open);
            }
        }
        Assert.Empty(stack);
    }

    public static string Show(string s) => "'" + string.Concat(s.Substring(0, Math.Min(80, s.Length)).ToCharArray().Select(c => c < ' ' ? $"\\x{(int)c:x2}" : c.ToString())) + (s.Length > 80 ? "…" : "") + "'";

    static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 120), Math.Min(text.Length - Math.Max(0, at - 120), 320));

    /// <summary>The lines of the param block that declare <paramref name="name"/> (attributes, type, variable).</summary>
    public static string Declaration(GeneratedFunction f, string name)
    {
        var text = f.Text;
        var paramStart = text.IndexOf("    param(\n", StringComparison.Ordinal);
        Assert.True(paramStart > 0);
        var block = text.Substring(paramStart, text.IndexOf("\n    )\n", paramStart, StringComparison.Ordinal) - paramStart);
        var decl = block.Substring("    param(\n".Length).Split(",\n\n").SingleOrDefault(d => Regex.IsMatch(d, @"\n        \$" + Regex.Escape(name) + @"( = .*)?$", RegexOptions.Singleline) || d.StartsWith("        $" + name, StringComparison.Ordinal));
        Assert.True(decl != null, $"No declaration of ${name} in:\n{block}");
        return decl!;
    }
}
