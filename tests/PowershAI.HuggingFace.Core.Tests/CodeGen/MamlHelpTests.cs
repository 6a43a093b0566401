using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PowershAI.HuggingFace.Core.CodeGen;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>
/// The MAML help file of a generation, and the .EXTERNALHELP pointer that replaces the inline help:
/// server strings stay text in the XML, and the path cannot end the comment.
/// </summary>
public class MamlHelpTests
{
    static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    static string Maml_(System.Collections.Generic.IEnumerable<GeneratedFunction> functions)
    {
        using var stream = new MemoryStream();
        MamlHelp.Write(stream, functions, Gen.Options());
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Maml_of_the_tricky_names_matches_the_golden_file()
    {
        Gen.GenerateText(Gen.Fixture("tricky-names"), out var functions);
        Gen.AssertGolden("tricky-names", Maml_(functions), ".maml.xml");
    }

    [Theory]
    [MemberData(nameof(HostileInputTests.Indexes), MemberType = typeof(HostileInputTests))]
    public void Hostile_strings_stay_text_in_the_maml(int i)
    {
        var s = HostileInputTests.Strings[i] + "</maml:para></command:details><command:command>&amp;]]>";
        var endpoint = new JsonObject
        {
            ["parameters"] = new JsonArray(Gen.Param(s, s, Gen.StringSchema(), "str", "Textbox", true, s, s)),
            ["returns"] = new JsonArray(new JsonObject { ["label"] = s, ["component"] = s }),
            ["show_api"] = true,
            ["description"] = s,
        };
        var app = Gen.App(new JsonObject { ["named_endpoints"] = new JsonObject { ["/" + s] = endpoint }, ["unnamed_endpoints"] = new JsonObject() });
        var f = ProxyFunctionGenerator.Generate(app, app.Endpoints[0], Gen.Options(), 0);

        var doc = XDocument.Parse(Maml_(new[] { f }));   // well-formed, or this throws
        var command = Assert.Single(doc.Descendants(Command + "command"));
        Assert.Equal(f.Name, command.Element(Command + "details")!.Element(Command + "name")!.Value);
        var clean = MamlHelp.Clean(s.Replace("\r\n", "\n").Replace('\r', '\n'));
        Assert.Contains(clean, command.Element(Command + "details")!.Element(Maml + "description")!.Value);   // the API name, in the synopsis
        Assert.Contains(clean, command.Element(Maml + "description")!.Value);                                 // description and output label
        var parameter = command.Element(Command + "parameters")!.Elements(Command + "parameter").First();
        Assert.Equal(f.Parameters[0].Name, parameter.Element(Maml + "name")!.Value);
        Assert.Contains(clean.Replace('\n', ' '), parameter.Element(Maml + "description")!.Value);
        // Two syntax items (the direct and pipeline sets), each naming the function and every parameter once.
        var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal(f.Name, item.Element(Maml + "name")!.Value));
        Assert.Equal(2, command.Element(Command + "examples")!.Elements(Command + "example").Count());
        Assert.All(command.Descendants(Dev + "code"), c => Assert.StartsWith("PS > " + f.Name, c.Value));
    }

    [Fact]
    public void Syntax_items_follow_the_param_block()
    {
        var app = Gen.OneEndpoint("/x",
            Gen.Param("a", "A", Gen.StringSchema(), "str", "Textbox"),
            Gen.Param("b", "B", new JsonObject { ["type"] = "integer" }, "int", "Number", hasDefault: true, @default: 3));
        var f = ProxyFunctionGenerator.Generate(app, app.Endpoints[0], Gen.Options(), 0);
        var doc = XDocument.Parse(Maml_(new[] { f }));
        var items = doc.Descendants(Command + "syntaxItem").ToList();
        string Row(XElement item) => string.Join(" ", item.Elements(Command + "parameter").Select(p =>
            $"{p.Element(Maml + "name")!.Value}:{p.Attribute("required")!.Value}:{p.Attribute("position")!.Value}:{p.Element(Command + "parameterValue")?.Value ?? "-"}"));
        var controls = string.Join(" ", Gen.Controls.Where(c => !c.FromPipeline).Select(c => c.Name));
        Assert.StartsWith("A:true:1:String B:false:2:Int64 ", Row(items[0]));
        Assert.StartsWith("A:false:1:String B:false:2:Int64 ", Row(items[1]));
        Assert.DoesNotContain(Gen.Controls.Where(c => c.FromPipeline).Select(c => c.Name + ":"), Row(items[0]).Contains);
        Assert.Contains(Gen.Controls.First(c => c.FromPipeline).Name + ":true:named:", Row(items[1]));
    }

    [Theory]
    [InlineData("/tmp/PowershAI.HuggingFace-u/help/GradioApi.1-help.xml")]
    [InlineData("/tmp/x #>\nInvoke-Canary\n<# .LINK")]
    [InlineData("C:\\Users\\A B\\Temp\\h.xml\r\n.EXAMPLE")]
    public void The_external_help_pointer_is_the_only_help_and_cannot_end_its_comment(string path)
    {
        Gen.GenerateText(Gen.Fixture("tricky-names"), out var functions);
        var text = ProxyFunctionGenerator.ModuleText(functions, path);
        Assert.StartsWith(ProxyFunctionGenerator.SharedSteps, text);
        var pieces = PsScan.Scan(text.Substring(ProxyFunctionGenerator.SharedSteps.Length));
        var comments = pieces.Where(p => p.Kind == PsPieceKind.BlockComment).ToList();
        Assert.Equal(functions.Count, comments.Count);
        foreach (var c in comments)
        {
            var directives = c.Value.Split('\n').Where(l => Structure.Directive.IsMatch(l)).Select(l => l.Trim()).ToList();
            Assert.Equal(new[] { ".EXTERNALHELP " + PowerShellText.HelpLine(path) }, directives);
        }
        Assert.DoesNotContain("Invoke-Canary", PsScan.CodeOnly(pieces));
        // The rest of each function is what the inline version has.
        foreach (var f in functions)
            Assert.Contains(f.Text.Substring(f.Text.IndexOf("    [CmdletBinding(", System.StringComparison.Ordinal)), text);
    }
}
