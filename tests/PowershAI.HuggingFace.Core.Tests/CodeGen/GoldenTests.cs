using System.Linq;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>
/// The text generated for genuine and tricky /info shapes, compared with reviewed files under
/// CodeGen/Golden. Run with POWERSHAI_HF_UPDATE_GOLDEN=1 to rewrite them, then read the diff.
/// </summary>
public class GoldenTests
{
    public static readonly string[] FixtureNames =
    {
        "simple-5.14.0", "simple-4.37.2", "endpoints-5.14.0", "endpoints-4.37.2",
        "tricky-types", "tricky-defaults", "tricky-names", "tricky-state", "tricky-3x",
    };

    public static TheoryData<string> Fixtures => new(FixtureNames);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_text_matches_the_golden_file(string fixture)
    {
        var text = Gen.GenerateText(Gen.Fixture(fixture), out var functions);
        Assert.NotEmpty(functions);
        Gen.AssertGolden(fixture, text);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_function_of_a_fixture_is_structurally_sound(string fixture)
    {
        Gen.GenerateText(Gen.Fixture(fixture), out var functions);
        foreach (var f in functions)
            Structure.AssertSafe(f, new[] { f.Endpoint.ApiName });
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Genuine_simple_app_gives_Op1_with_Duration_defaulting_to_the_string_5()
    {
        foreach (var fixture in new[] { "simple-5.14.0", "simple-4.37.2" })
        {
            Gen.GenerateText(Gen.Fixture(fixture), out var functions);
            var f = Assert.Single(functions);
            Assert.Equal("Invoke-GradioApiOp1", f.Name);
            var p = Assert.Single(f.Parameters);
            Assert.Equal("Duration", p.Name);
            Assert.Null(p.Alias); // same as the Python name
            Assert.False(p.Mandatory);
            Assert.Equal("string", p.Type.TypeName);
            Assert.EndsWith("[string]\n        $Duration = '5'", Structure.Declaration(f, "Duration"));
            Assert.Contains("Duration, in, seconds.", f.Text);
        }
    }

    [Theory]
    [InlineData("endpoints-5.14.0")]
    [InlineData("endpoints-4.37.2")]
    public void Genuine_endpoints_app_gives_one_function_per_visible_endpoint_with_the_expected_types(string fixture)
    {
        Gen.GenerateText(Gen.Fixture(fixture), out var functions);
        Assert.Equal(new[]
        {
            "Invoke-GradioApiTypedInputs", "Invoke-GradioApiRaiseGrError", "Invoke-GradioApiRaiseException", "Invoke-GradioApiFlipImage",
            "Invoke-GradioApiFileSize", "Invoke-GradioApiMakeFile", "Invoke-GradioApiAudioInfo", "Invoke-GradioApiCount",
            "Invoke-GradioApiAddNumbers", "Invoke-GradioApiSlowProgress", "Invoke-GradioApiSingleSlot", "Invoke-GradioApiChat",
        }, functions.Select(f => f.Name));
        var typed = functions[0];
        Assert.Equal(new[] { "Text:string", "Number:double", "Slider:double", "Check:bool", "Dropdown:string", "Radio:string" },
            typed.Parameters.Select(p => p.Name + ":" + p.Type.TypeName));
        Assert.Equal(new[] { "alpha", "beta", "gamma" }, typed.Parameters[4].Type.Choices);
        Assert.Equal(new[] { "one", "two", "three" }, typed.Parameters[5].Type.Choices);
        Assert.All(typed.Parameters, p => Assert.False(p.Mandatory));
        Assert.Equal("object", functions.Single(f => f.Name.EndsWith("FlipImage")).Parameters.Single().Type.TypeName);
        Assert.Equal("object", functions.Single(f => f.Name.EndsWith("FileSize")).Parameters.Single().Type.TypeName);
        Assert.Equal("object", functions.Single(f => f.Name.EndsWith("AudioInfo")).Parameters.Single().Type.TypeName);
        Assert.True(functions.Single(f => f.Name.EndsWith("FlipImage")).Parameters.Single().Mandatory);
        // /count has only a State input and /chat has one: State never becomes a parameter.
        Assert.Empty(functions.Single(f => f.Name.EndsWith("Count")).Parameters);
        var chat = functions.Single(f => f.Name.EndsWith("Chat"));
        Assert.Equal(new[] { "Message" }, chat.Parameters.Select(p => p.Name));
        Assert.Equal(2, chat.Endpoint.InputCount);
        // show_api=False endpoints are callable but get no function.
        Assert.DoesNotContain(functions, f => f.Endpoint.ApiName == "/hidden_fn");
    }
}
