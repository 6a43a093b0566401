using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.CodeGen;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>
/// An /info written by an attacker: every string it can place in the generated text, at every place
/// it can go, must stay data. Checked structurally (see <see cref="Structure.AssertSafe"/>).
/// </summary>
public class HostileInputTests
{
    /// <summary>Strings that try to leave a literal, expand, break the help comment or rename things.</summary>
    public static readonly string[] Strings =
    {
        "it's", "'", "''", "’", "‘quoted’", "‚low‛", "a'‘’‚‛b", "x'", "'x", "'';Invoke-Canary;''", "’;Invoke-Canary;‘",
        "$(Invoke-Canary)", "${env:PATH}", "$env:USERNAME", "`$(Invoke-Canary)", "back`tick`", "`", "\"$(Invoke-Canary)\"", "@'\nx\n'@",
        "line1\r\nline2", "a\rb", "a\nb", "\n", "\r", "\u0085next line", "\u2028sep", "tab\there", "nul\0byte",
        "#> Invoke-Canary <#", "<#", "#>", "x #>", "<# x #>", "#", "# comment",
        ".EXAMPLE", "\n.EXAMPLE\nInvoke-Canary", ".LINK evil", "  .EXTERNALHELP \\\\evil\\share\\help.xml", ".PARAMETER Foo", ".NET runtime",
        "\n.FORWARDHELPTARGETNAME Remove-Item", "text\n#>\nInvoke-Canary\n<#\n", ".\u0301LINK x", ".\u203FLINK x",
        "Verbose", "ErrorAction", "PipeObj", "ApiToken", "_", "args", "1abc", "", " ", "größe", "名前", "ÉCOLE", "x\u0301",
        new string('a', 5000) + "'$(Invoke-Canary)", string.Concat(Enumerable.Repeat("’'", 300)),
    };

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Strings.Length; i++) data.Add(i);
        return data;
    }

    static JsonObject Endpoint(params JsonObject[] parameters) => Endpoint(parameters, new JsonArray(), null);

    static JsonObject Endpoint(JsonObject[] parameters, JsonArray returns, string? description)
    {
        var e = new JsonObject
        {
            ["parameters"] = new JsonArray(parameters.Select(p => (JsonNode)p).ToArray()),
            ["returns"] = returns,
            ["show_api"] = true,
        };
        if (description != null) e["description"] = description;
        return e;
    }

    static GeneratedFunction Generate(string apiName, JsonObject endpoint) =>
        Gen.One(Gen.App(new JsonObject { ["named_endpoints"] = new JsonObject { [apiName] = endpoint }, ["unnamed_endpoints"] = new JsonObject() }));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_api_name(int i)
    {
        var s = Strings[i];
        var f = Generate("/" + s, Endpoint(Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox")));
        var literals = Structure.AssertSafe(f, new[] { "/" + s });
        Assert.Equal(1, literals.Count(l => l == "/" + s)); // the marker attribute; -ApiName goes as data
        Assert.Equal("/" + s, f.Call["ApiName"]);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_parameter_name_and_label(int i)
    {
        var s = Strings[i];
        var f = Generate("/x", Endpoint(
            Gen.Param(s, s, Gen.StringSchema(), "str", "Textbox"),
            Gen.Param(s, s, Gen.StringSchema(), "str", "Textbox", true, "d"),
            Gen.Param(null, s, new JsonObject { ["type"] = "number" }, "float", "Number"),
            Gen.Param(s.ToUpperInvariant(), s.ToLowerInvariant(), new JsonObject { ["type"] = "boolean" }, "bool", "Checkbox", true, false)));
        Assert.Equal(4, f.Parameters.Count);
        Structure.AssertSafe(f);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_string_default_and_example(int i)
    {
        var s = Strings[i];
        var f = Generate("/x", Endpoint(
            Gen.Param("text", "Text", Gen.StringSchema(), "str", "Textbox", true, s, s),
            Gen.Param("required", "Required", Gen.StringSchema(), "str", "Textbox", false, null, s)));
        var literals = Structure.AssertSafe(f, new[] { s });
        Assert.Contains(s, literals);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_json_default(int i)
    {
        var s = Strings[i];
        var value = new JsonObject { [s.Length == 0 ? "k" : s] = s, ["n"] = new JsonArray(s, 1, null) };
        var f = Generate("/x", Endpoint(
            Gen.Param("payload", "Payload", new JsonObject { ["type"] = "object" }, "dict(str, Any)", "Json", true, value, value)));
        Structure.AssertSafe(f, new[] { value.ToJsonString() });
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_choices(int i)
    {
        var s = Strings[i];
        var choices = new[] { s, s + "'", "ok" };
        JsonArray Enum() => new(choices.Select(c => (JsonNode)c).ToArray());
        var f = Generate("/x", Endpoint(
            Gen.Param("pick", "Pick", new JsonObject { ["type"] = "string", ["enum"] = Enum() }, "Literal[...]", "Dropdown", true, s, s),
            Gen.Param("many", "Many", new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Enum() } }, "list[Literal[...]]", "Checkboxgroup", true, new JsonArray(s, "ok"), new JsonArray(s)),
            Gen.Param("required", "Required", new JsonObject { ["type"] = "string", ["enum"] = Enum() }, "Literal[...]", "Radio")));
        Assert.Equal(choices, f.Parameters[0].Type.Choices);
        Assert.Equal(choices, f.Parameters[1].Type.Choices);
        var literals = Structure.AssertSafe(f, choices);
        Assert.True(literals.Count(l => l == s + "'") >= 3, "Each ValidateSet lists every choice.");
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_description_and_return_labels(int i)
    {
        var s = Strings[i];
        var returns = new JsonArray(new JsonObject { ["label"] = s, ["type"] = new JsonObject { ["type"] = s }, ["python_type"] = new JsonObject { ["type"] = s, ["description"] = s }, ["component"] = s });
        var p = Gen.Param("a", "A", Gen.StringSchema(), s, s);
        ((JsonObject)p["python_type"]!)["description"] = s;
        var f = Generate("/x", Endpoint(new[] { p }, returns, s));
        Structure.AssertSafe(f);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Hostile_literal_in_python_type(int i)
    {
        var s = Strings[i];
        // Python's repr of the choice, as Gradio writes Literal[...] into python_type.
        var repr = s.Contains('\'') && !s.Contains('"') ? "\"" + s.Replace("\\", "\\\\") + "\"" : "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
        repr = repr.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\0", "\\x00");
        var f = Generate("/x", Endpoint(Gen.Param("pick", "Pick", Gen.StringSchema(), "Literal[" + repr + ", 'ok']", "Radio", true, "ok", "ok")));
        if (!s.Contains(']')) Assert.Equal(new[] { s, "ok" }, f.Parameters[0].Type.Choices);
        Structure.AssertSafe(f, f.Parameters[0].Type.Choices);
    }

    [Fact]
    public void A_literal_with_an_escape_Python_does_not_know_is_kept_as_written()
    {
        var f = Generate("/x", Endpoint(Gen.Param("pick", "Pick", Gen.StringSchema(), "Literal['\\q', 'b']", "Radio", true, "b", "b")));
        Assert.Equal(new[] { "\\q", "b" }, f.Parameters[0].Type.Choices);
        Structure.AssertSafe(f, f.Parameters[0].Type.Choices);
    }

    [Fact]
    public void Hostile_session_name_stays_data()
    {
        var options = Gen.Options();
        options.SessionName = "s'$(Invoke-Canary)’\n#>";
        var app = Gen.OneEndpoint("/x", Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox"));
        var f = ProxyFunctionGenerator.Generate(app, app.Endpoints[0], options, 0);
        var literals = Structure.AssertSafe(f);
        // In the help (defused) and in the call table, never in the code.
        Assert.DoesNotContain(literals, l => l.Contains("Canary"));
        Assert.DoesNotContain("Canary", PsScan.CodeOnly(PsScan.Scan(f.Text)));
        Assert.Equal(options.SessionName, f.Call["Session"]);
    }

    [Fact]
    public void Many_hostile_parameters_in_one_endpoint_get_unique_safe_names()
    {
        var parameters = Strings.Select((s, i) => Gen.Param(s, Strings[(i + 7) % Strings.Length], Gen.StringSchema(), "str", "Textbox", i % 2 == 0, s, s)).ToArray();
        var reserved = Gen.Reserved.Select(r => Gen.Param(r, r, Gen.StringSchema(), "str", "Textbox")).ToArray();
        var f = Generate("/x", Endpoint(parameters.Concat(reserved).ToArray()));
        Assert.Equal(parameters.Length + reserved.Length, f.Parameters.Count);
        Structure.AssertSafe(f);
    }

    // The checker itself must catch what it claims to: these hand-written texts are broken on purpose.

    [Fact]
    public void Checker_decodes_doubled_typographic_quotes_like_PowerShell()
    {
        var pieces = PsScan.Scan("x 'a''b‘’c‛‛d' y");
        var literal = Assert.Single(pieces, p => p.Kind == PsPieceKind.Literal);
        Assert.Equal("a'b’c‛d", literal.Value);
        Assert.Equal("'a''b’’c‛‛d'", PowerShellText.Quote("a'b’c‛d"));
        foreach (var s in Strings)
            Assert.Equal(s, Assert.Single(PsScan.Scan(PowerShellText.Quote(s))).Value);
    }

    [Fact]
    public void Checker_rejects_an_undoubled_typographic_quote()
    {
        // ’ closes the literal: what follows is code.
        var pieces = PsScan.Scan("'a’$(Invoke-Canary)''");
        Assert.Contains("$(", PsScan.CodeOnly(pieces));
    }

    [Fact]
    public void Checker_rejects_a_help_comment_closed_early_and_an_injected_directive()
    {
        var good = Gen.One(Gen.OneEndpoint("/x", Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox")));
        Structure.AssertSafe(good);
        var closedEarly = new GeneratedFunction(good.Name, good.Text.Replace(".OUTPUTS\n", "#>\nInvoke-Canary\n<#\n.OUTPUTS\n"), good.Parameters, good.Endpoint, good.Call);
        Assert.ThrowsAny<Exception>(() => Structure.AssertSafe(closedEarly));
        var directive = new GeneratedFunction(good.Name, good.Text.Replace(".OUTPUTS\n", "  .EXTERNALHELP x.xml\n.OUTPUTS\n"), good.Parameters, good.Endpoint, good.Call);
        Assert.ThrowsAny<Exception>(() => Structure.AssertSafe(directive));
        Assert.Contains(", '/x')]", good.Text);
        var expanding = new GeneratedFunction(good.Name, good.Text.Replace(", '/x')]", ", \"$(Invoke-Canary)\")]"), good.Parameters, good.Endpoint, good.Call);
        Assert.ThrowsAny<Exception>(() => Structure.AssertSafe(expanding));
        Assert.ThrowsAny<Exception>(() => Structure.AssertSafe(good, new[] { "not there" }));
    }
}
