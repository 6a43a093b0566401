using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
        Assert.Equal(expected, PowerShellNames.Parameter(name, label, 3, new HashSet<string>(StringComparer.OrdinalIgnoreCase), Gen.Reserved));

    [Fact]
    public void Parameter_names_are_deduplicated_ignoring_case()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new[] { "text", "Text", "TEXT", "text2", "text_2" }.Select((n, i) => PowerShellNames.Parameter(n, null, i, taken, Gen.Reserved)).ToList();
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

    /// <summary>The control parameters come from the options: their names and aliases are what an input may not take.</summary>
    [Theory]
    [InlineData("max_duration_sec", "MaxDurationSecValue")]
    [InlineData("map", "MapValue")]
    [InlineData("custom_flag", "CustomFlagValue")]
    [InlineData("manual", "Manual")]
    public void An_input_never_takes_the_name_or_alias_of_a_control_parameter(string pythonName, string expected)
    {
        // Manual is left out of these controls, so an input may take its name.
        var controls = Gen.Controls.Where(c => c.Name != "Manual").Append(new ControlParameter("CustomFlag", "switch", "A control of this test.")).ToList();
        var app = Gen.OneEndpoint("/x", Gen.Param(pythonName, null, Gen.StringSchema(), "str", "Textbox"));
        var f = ProxyFunctionGenerator.Generate(app, app.Endpoints[0], Gen.Options(controls: controls), 0);
        Assert.Equal(expected, f.Parameters.Single().Name);
        Assert.Contains("        [switch]\n        $CustomFlag", f.Text);
    }

    [Fact]
    public void Control_parameters_and_the_target_are_only_what_the_options_give()
    {
        Assert.Throws<ArgumentException>(() => new ProxyOptions("Marker(); Invoke-Canary; #", "M\\Invoke-X", Gen.Controls));
        Assert.Throws<ArgumentException>(() => new ProxyOptions("M.Marker", "Invoke-X; Invoke-Canary", Gen.Controls));
        Assert.Throws<ArgumentException>(() => new ControlParameter("Bad Name", "switch", "x"));
        Assert.Throws<ArgumentException>(() => new ControlParameter("Good", "switch]$(Invoke-Canary)[int", "x"));
        Assert.Throws<ArgumentException>(() => new ControlParameter("Good", "switch", "x", new[] { "a'b" }));

        var app = Gen.OneEndpoint("/x", Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox"));
        var options = new ProxyOptions("Other.Marker", "Other\\Invoke-Thing", new[] { new ControlParameter("Only", "int", "The one control.") });
        var f = ProxyFunctionGenerator.Generate(app, app.Endpoints[0], options, 0);
        var module = ProxyFunctionGenerator.ModuleText(new[] { f }, options);
        Assert.Contains("    [Other.Marker(", f.Text);
        Assert.Contains("{ Other\\Invoke-Thing @GradioCall -Caller $PSCmdlet }.GetSteppablePipeline(", module);
        Assert.Contains("else { Other\\Invoke-Thing @GradioCall -Caller $PSCmdlet -BoundParameters $args[0] }", module);
        Assert.Contains(".PARAMETER Only\nThe one control.\n", f.Text);
        Assert.DoesNotContain("PowershAI", PsScan.CodeOnly(PsScan.Scan(module)));
        Assert.DoesNotContain("$Manual", f.Text);
    }

    [Fact]
    public void Functions_dot_source_only_the_steps_their_module_defines_first()
    {
        var app = Gen.OneEndpoint("/x", Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox"));
        var options = Gen.Options();
        var functions = ProxyFunctionGenerator.GenerateAll(app, app.Endpoints, options);
        var text = ProxyFunctionGenerator.ModuleText(functions, options);
        var steps = ProxyFunctionGenerator.SharedSteps(options.ForwardTo);
        Assert.StartsWith("param($GradioCalls)\n" + steps + "function Invoke-GradioApiX {\n", text);
        var defined = Regex.Matches(steps, @"^\$(script:\w+) = \{$", RegexOptions.Multiline).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        var used = Regex.Matches(functions[0].Text, @"\. \$(script:\w+)").Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, defined.Count);
        Assert.Equal(defined, used);
        // The steps are the same for every app: nothing from a server goes into them.
        Assert.DoesNotContain("'", steps);
        Assert.DoesNotContain("#", steps);
    }

    [Fact]
    public void Functions_take_what_they_forward_from_the_module_s_call_table()
    {
        var app = Gen.App(new JsonObject
        {
            ["named_endpoints"] = new JsonObject
            {
                ["/a"] = new JsonObject { ["parameters"] = new JsonArray(Gen.Param("text", "Text", Gen.StringSchema(), "str", "Textbox")), ["returns"] = new JsonArray() },
                ["/b"] = new JsonObject { ["parameters"] = new JsonArray(), ["returns"] = new JsonArray() },
            },
            ["unnamed_endpoints"] = new JsonObject(),
        });
        var options = Gen.Options();
        var functions = ProxyFunctionGenerator.GenerateAll(app, app.Endpoints, options);
        var table = ProxyFunctionGenerator.CallTable(functions);
        Assert.Equal(2, table.Count);
        foreach (var f in functions)
        {
            Assert.Contains("    begin {\n        $GradioCall = $script:GradioCalls['" + f.Name + "']\n", f.Text);
            Assert.Same(f.Call, table[f.Name]);
            Assert.Same(f.Call, table[f.Name.ToUpperInvariant()]);   // PowerShell's names ignore case
            Assert.Equal(options.SessionId, f.Call["SessionId"]);
            Assert.Equal(options.SessionName, f.Call["Session"]);
            Assert.Equal(f.Endpoint.ApiName, f.Call["ApiName"]);
            // What the cmdlet forwarded to gets: exactly these, and the function itself as -Caller.
            Assert.Equal(new[] { "ApiName", "ParameterMap", "Session", "SessionId" }, f.Call.Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal));
        }
        var map = (System.Collections.Hashtable)functions[0].Call["ParameterMap"]!;
        Assert.Equal(0, map["TEXT"]);
    }
}
