using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>Defaults kept exactly (0, false and "" included); Mandatory exactly when there is no default; State never a parameter.</summary>
public class DefaultsTests
{
    static GeneratedFunction Defaults()
    {
        var app = Gen.Fixture("tricky-defaults");
        return Gen.One(app);
    }

    [Theory]
    [InlineData("ZeroInt", "[long]\n        $ZeroInt = 0")]
    [InlineData("ZeroFloat", "[double]\n        $ZeroFloat = 0")]
    [InlineData("Negative", "[double]\n        $Negative = -1.5")]
    [InlineData("Huge", "[double]\n        $Huge = 1E+20")]
    [InlineData("FlagFalse", "[bool]\n        $FlagFalse = $false")]
    [InlineData("FlagTrue", "[bool]\n        $FlagTrue = $true")]
    [InlineData("EmptyText", "[string]\n        $EmptyText = ''")]
    [InlineData("NoneText", "[string]\n        $NoneText = 'None'")]
    public void Default_is_written_as_an_exact_literal_and_the_parameter_is_optional(string name, string tail)
    {
        var f = Defaults();
        var decl = Structure.Declaration(f, name);
        Assert.EndsWith(tail, decl);
        Assert.StartsWith("        [Parameter(Position = ", decl);
        Assert.DoesNotContain("Mandatory", decl);
        Assert.Contains("[AllowNull()]", decl);
        Assert.False(f.Parameters.Single(p => p.Name == name).Mandatory);
    }

    [Fact]
    public void A_null_default_makes_the_parameter_optional_without_a_literal()
    {
        var f = Defaults();
        var decl = Structure.Declaration(f, "NullDefault");
        Assert.EndsWith("[string]\n        $NullDefault", decl);
        Assert.DoesNotContain("Mandatory", decl);
        Assert.False(f.Parameters.Single(p => p.Name == "NullDefault").Mandatory);
    }

    [Theory]
    [InlineData("RequiredText", "required_text", "string", 0)]
    [InlineData("RequiredNumber", "required_number", "double", 10)]
    public void A_parameter_without_default_is_mandatory_when_called_directly_only(string name, string alias, string type, int position)
    {
        var f = Defaults();
        var decl = Structure.Declaration(f, name);
        Assert.Equal(
            $"        [Parameter(Mandatory = $true, Position = {position}, ParameterSetName = 'Direct')]\n" +
            $"        [Parameter(Position = {position}, ParameterSetName = 'Pipeline', ValueFromPipelineByPropertyName = $true)]\n" +
            $"        [Alias('{alias}')]\n" +
            $"        [{type}]\n        ${name}", decl);
        Assert.True(f.Parameters.Single(p => p.Name == name).Mandatory);
    }

    [Fact]
    public void Mandatory_is_exactly_no_default_across_every_fixture()
    {
        foreach (var fixture in GoldenTests.FixtureNames)
        {
            Gen.GenerateText(Gen.Fixture(fixture), out var functions);
            foreach (var p in functions.SelectMany(f => f.Parameters))
                Assert.Equal(!p.Source.HasDefault, p.Mandatory);
            foreach (var f in functions)
            {
                var mandatoryInText = f.Parameters.Count(p => Structure.Declaration(f, p.Name).Contains("Mandatory = $true"));
                Assert.Equal(f.Parameters.Count(p => !p.Source.HasDefault), mandatoryInText);
            }
        }
    }

    [Fact]
    public void List_and_json_defaults_are_kept()
    {
        var app = Gen.Fixture("tricky-types");
        var lists = Gen.One(Gen.App(new JsonObject { ["named_endpoints"] = new JsonObject { ["/lists"] = app.FindEndpoint("/lists").Raw!.DeepClone() } }));
        Assert.EndsWith("[string[]]\n        $Words = @('x', 'y')", Structure.Declaration(lists, "Words"));
        Assert.EndsWith("[double[]]\n        $Weights = @(0.5, 1, 0)", Structure.Declaration(lists, "Weights"));
        Assert.EndsWith("[long[]]\n        $Counts = @()", Structure.Declaration(lists, "Counts"));
        Assert.EndsWith("[bool[]]\n        $Flags = @($true, $false)", Structure.Declaration(lists, "Flags"));

        var json = ProxyFunctionGenerator.Generate(app, app.FindEndpoint("/json"), Gen.Options(), 0);
        var literals = Structure.AssertSafe(json);
        // The JSON default goes in as JSON text (System.Text.Json may escape ' as \u0027): the same value once parsed.
        var decl = Structure.Declaration(json, "Payload");
        Assert.Matches(@"\[object\]\n        \$Payload = '[^\n]*'$", decl);
        var literal = Assert.Single(PsScan.Scan(decl.Substring(decl.IndexOf("$Payload = ", System.StringComparison.Ordinal) + "$Payload = ".Length)));
        Assert.Contains(literal.Value, literals);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":[true,null],"s":"x'y"}"""), JsonNode.Parse(literal.Value)), literal.Value);
    }

    [Fact]
    public void Position_follows_the_info_order_and_the_parameter_map_points_at_info_indexes()
    {
        var f = Defaults();
        for (var i = 0; i < f.Parameters.Count; i++)
        {
            Assert.Equal(i, f.Parameters[i].Source.Index);
            Assert.Contains($"Position = {i}", Structure.Declaration(f, f.Parameters[i].Name));
        }
        Assert.Equal(f.Parameters.Select((p, i) => (p.Name, i)), Map(f).Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>The function's parameter map, in its parameters' order.</summary>
    static List<KeyValuePair<string, int>> Map(GeneratedFunction f)
    {
        var map = Assert.IsType<System.Collections.Hashtable>(f.Call["ParameterMap"]);
        Assert.Equal(f.Parameters.Count, map.Count);
        return f.Parameters.Select(p => new KeyValuePair<string, int>(p.Name, Assert.IsType<int>(map[p.Name]))).ToList();
    }

    [Fact]
    public void State_inputs_never_become_parameters()
    {
        var app = Gen.Fixture("tricky-state");
        Gen.GenerateText(app, out var functions);
        var chat = functions.Single(f => f.Endpoint.ApiName == "/chat");
        Assert.Equal(new[] { "Message" }, chat.Parameters.Select(p => p.Name));
        Assert.Equal(2, chat.Endpoint.InputCount);
        var bump = functions.Single(f => f.Endpoint.ApiName == "/bump");
        Assert.Equal(new[] { "Step" }, bump.Parameters.Select(p => p.Name));
        Assert.Equal(3, bump.Endpoint.InputCount);
        // The map sends the /info index; the endpoint puts it in its wire slot between the State slots.
        Assert.Equal(new[] { new KeyValuePair<string, int>("Step", 0) }, Map(bump));
        Assert.Equal("[null,7,null]", bump.Endpoint.ToWire(new Dictionary<int, JsonNode?> { [0] = 7 }).ToJsonString());
        var onlyState = functions.Single(f => f.Endpoint.ApiName == "/only_state");
        Assert.Empty(onlyState.Parameters);
        Assert.Empty(Map(onlyState));
        foreach (var f in functions) Structure.AssertSafe(f);
        Assert.DoesNotContain(functions.SelectMany(f => f.Parameters), p => p.Source.Component.Equals("State", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void State_inputs_of_a_3x_app_without_skip_api_never_become_parameters()
    {
        var app = Gen.Fixture("tricky-3x");
        Gen.GenerateText(app, out var functions);
        var predict = functions.Single(f => f.Endpoint.ApiName == "/predict");
        Assert.Equal(new[] { "InputText", "Temperature" }, predict.Parameters.Select(p => p.Name));
        Assert.All(predict.Parameters, p => Assert.True(p.Mandatory)); // 3.x /info has no defaults
        Assert.Equal(3, predict.Endpoint.InputCount);
        Assert.Equal("[\"a\",null,2]", predict.Endpoint.ToWire(predict.Endpoint.BindPositional(new object?[] { "a", 2 }).Values.ToDictionary(kv => kv.Key, kv => ArgumentConverter.ToJson(kv.Value))).ToJsonString());
        var unnamed = functions.Single(f => f.Endpoint.ApiName == "/fn_index_1");
        Assert.Equal("Invoke-GradioApiFnIndex1", unnamed.Name);
        Assert.Equal(new[] { "Param0" }, unnamed.Parameters.Select(p => p.Name));
    }
}
