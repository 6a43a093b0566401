using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>Function and parameter names (PowershAI's rules, kept on purpose).</summary>
public class NamingTests
{
    [Theory]
    [InlineData("/Op1", "Invoke-GradioApiOp1")]
    [InlineData("/generate_image", "Invoke-GradioApiGenerateImage")]
    [InlineData("/GenerateImage", "Invoke-GradioApiGenerateimage")] // TextInfo.ToTitleCase lowercases the rest of a word: PowershAI's quirk
    [InlineData("/GENERATE", "Invoke-GradioApiGENERATE")] // ToTitleCase keeps all-caps words
    [InlineData("/predict", "Invoke-GradioApiPredict")]
    [InlineData("/do-it", "Invoke-GradioApiDoIt")]
    [InlineData("/lambda_1", "Invoke-GradioApiLambda1")]
    [InlineData("/größe_berechnen", "Invoke-GradioApiGrößeBerechnen")]
    [InlineData("/名前", "Invoke-GradioApi名前")]
    [InlineData("/fn_index_3", "Invoke-GradioApiFnIndex3")]
    public void Function_name_is_prefix_and_title_case_api_name(string apiName, string expected) =>
        Assert.Equal(expected, PowerShellNames.Function("Invoke-GradioApi", apiName, 7));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/_")]
    [InlineData("/$('')")]
    [InlineData("/😀")]
    public void Function_name_without_letters_or_digits_falls_back_to_Fn_index(string apiName) =>
        Assert.Equal("Invoke-GradioApiFn7", PowerShellNames.Function("Invoke-GradioApi", apiName, 7));

    [Theory]
    [InlineData("/$(x)'y`z")]
    [InlineData("/a b\r\nc")]
    [InlineData("/#>.EXAMPLE<#")]
    [InlineData("/‘q’‚r‛")]
    public void Function_name_keeps_only_letters_and_digits_of_a_hostile_api_name(string apiName) =>
        Assert.Matches(@"^Invoke-GradioApi[\p{L}\p{Nd}]+$", PowerShellNames.Function("Invoke-GradioApi", apiName, 7));

    [Fact]
    public void Function_name_uses_the_given_prefix() =>
        Assert.Equal("Invoke-MyAppOp1", PowerShellNames.Function("Invoke-MyApp", "/Op1", 0));

    [Theory]
    [InlineData("Invoke-GradioApi", true)]
    [InlineData("Get-My_App", true)]
    [InlineData("Ünïcode-", true)]
    [InlineData("", false)]
    [InlineData("1Invoke", false)]
    [InlineData("-Invoke", false)]
    [InlineData("Invoke Api", false)]
    [InlineData("Invoke'Api", false)]
    [InlineData("Invoke$(x)", false)]
    [InlineData("Invoke`Api", false)]
    [InlineData("Invoke.Api", false)]
    [InlineData("Invoke/Api", false)]
    public void IsValidPrefix(string prefix, bool valid) => Assert.Equal(valid, PowerShellNames.IsValidPrefix(prefix));

    [Fact]
    public void Generate_refuses_an_invalid_prefix()
    {
        var app = Gen.OneEndpoint("/x", Gen.Param("a", "a", Gen.StringSchema(), "str", "Textbox"));
        var ex = Assert.Throws<GradioException>(() => Gen.One(app, "Bad Prefix'$(x)"));
        Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
    }

    [Theory]
    [InlineData("file_path", "File path", "FilePath")]
    [InlineData(null, "Duration, in, seconds", "DurationInSeconds")]
    [InlineData("", "Prompt text", "PromptText")]
    [InlineData("_", "", "Param3")]
    [InlineData(null, null, "Param3")]
    [InlineData("1abc", null, "P1abc")]
    [InlineData("Verbose", null, "VerboseValue")]
    [InlineData("errorAction", null, "ErrorActionValue")]
    [InlineData("pipe_obj", null, "PipeObjValue")]
    [InlineData("api_token", null, "ApiTokenValue")]
    [InlineData("args", null, "ArgsValue")]
    [InlineData("input", null, "InputValue")]
    [InlineData("größe", null, "Größe")]
    [InlineData("名前", null, "名前")]
    public void Parameter_name_from_python_name_else_label(string? name, string? label, string expected) =>
        Assert.Equal(expected, PowerShellNames.Parameter(name, label, 3, new HashSet<string>(StringComparer.OrdinalIgnoreCase)));

    [Fact]
    public void Parameter_names_are_deduplicated_ignoring_case()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new[] { "text", "Text", "TEXT", "text2", "text_2" }.Select((n, i) => PowerShellNames.Parameter(n, null, i, taken)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Text", names[0]);
        Assert.Equal("Text2", names[1]);
    }

    [Fact]
    public void Endpoints_cleaning_to_the_same_name_get_numbered_distinct_function_names()
    {
        var app = Gen.Fixture("tricky-names");
        var functions = ProxyFunctionGenerator.GenerateAll(app, app.Endpoints, Gen.Options());
        var byApi = functions.ToDictionary(f => f.Endpoint.ApiName, f => f.Name);
        Assert.Equal("Invoke-GradioApiDoIt", byApi["/do-it"]);
        Assert.Equal("Invoke-GradioApiDoIt2", byApi["/do_it"]);
        Assert.Equal("Invoke-GradioApiDoit22", byApi["/DoIt2"]); // "Doit2" is taken (case-insensitively) by /do_it
        Assert.Equal("Invoke-GradioApiGenerateImage", byApi["/generate_image"]);
        Assert.Equal("Invoke-GradioApiGenerateimage2", byApi["/GenerateImage"]);
        Assert.Equal("Invoke-GradioApiGrößeBerechnen", byApi["/größe_berechnen"]);
        Assert.Equal("Invoke-GradioApiFn6", byApi["/"]);
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Python_name_is_kept_as_alias_only_when_it_differs_by_more_than_case()
    {
        var app = Gen.Fixture("tricky-names");
        var f = ProxyFunctionGenerator.Generate(app, app.FindEndpoint("/params"), Gen.Options(), 0);
        Assert.Equal(new[] { "Text", "Text2", "FilePath", "VerboseValue", "P1st", "Param5" }, f.Parameters.Select(p => p.Name));
        Assert.Equal(new string?[] { null, null, "file_path", null, null, "param_5" }, f.Parameters.Select(p => p.Alias));
        Structure.AssertSafe(f);
    }

    /// <summary>
    /// AllScope variables are Constant or ReadOnly in every scope: a parameter of that name cannot be
    /// bound ("Cannot overwrite variable Host because it is read-only or constant").
    /// </summary>
    [Theory]
    [InlineData("host")]
    [InlineData("pid")]
    [InlineData("home")]
    [InlineData("ExecutionContext")]
    [InlineData("PSHOME")]
    [InlineData("ShellId")]
    [InlineData("PSVersionTable")]
    [InlineData("PSEdition")]
    [InlineData("PSCulture")]
    [InlineData("PSUICulture")]
    public void A_parameter_never_takes_the_name_of_a_read_only_automatic_variable(string pythonName)
    {
        var f = Gen.One(Gen.OneEndpoint("/x", Gen.Param(pythonName, pythonName, Gen.StringSchema(), "str", "Textbox")));
        var name = f.Parameters.Single().Name;
        Assert.False(string.Equals(name, pythonName, StringComparison.OrdinalIgnoreCase), $"Parameter ${name} clashes with the read-only automatic variable ${pythonName}.");
    }

    /// <summary>The body assigns $parameterMap: a parameter of that name would be overwritten (and, typed, fail to convert).</summary>
    [Theory]
    [InlineData("parameter_map", null)]
    [InlineData(null, "Parameter map")]
    [InlineData("parameterMap", null)]
    public void A_parameter_never_takes_the_name_of_the_bodys_local_variable(string? pythonName, string? label)
    {
        var f = Gen.One(Gen.OneEndpoint("/x", Gen.Param(pythonName, label, new JsonObject { ["type"] = "integer" }, "int", "Number")));
        Assert.False(string.Equals(f.Parameters.Single().Name, "parameterMap", StringComparison.OrdinalIgnoreCase),
            "Parameter $ParameterMap is overwritten by the body's '$parameterMap = @{...}' (a [long] one cannot even take the hashtable).");
    }
}
