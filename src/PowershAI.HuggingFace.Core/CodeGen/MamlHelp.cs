using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>
/// One MAML help file for a generation's functions, which point at it with .EXTERNALHELP
/// (<see cref="ProxyFunctionGenerator.ModuleText(IEnumerable{GeneratedFunction}, string)"/>).
/// Every server string goes through XmlWriter, which escapes it; characters XML cannot carry
/// become spaces. PowerShell does not derive the syntax of a function with external help from
/// its param block, so the file carries it, written as PowerShell would show it.
/// </summary>
public static class MamlHelp
{
    const string Msh = "http://msh";
    const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    // The .NET names PowerShell shows for the type literals the generator and the controls use.
    static readonly Dictionary<string, string> TypeNames = new()
    {
        ["string"] = "String", ["long"] = "Int64", ["int"] = "Int32", ["double"] = "Double",
        ["bool"] = "Boolean", ["object"] = "Object", ["switch"] = "SwitchParameter",
    };

    /// <summary>Writes the help of <paramref name="functions"/> (those made by the generator) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IEnumerable<GeneratedFunction> functions, ProxyOptions options)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = " ", NewLineChars = "\n" });
        xml.WriteStartDocument();
        xml.WriteStartElement("helpItems", Msh);
        xml.WriteAttributeString("schema", "maml");
        foreach (var f in functions)
            if (f.Help != null) WriteCommand(xml, f, f.Help, options);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    static void WriteCommand(XmlWriter xml, GeneratedFunction f, FunctionHelp help, ProxyOptions options)
    {
        xml.WriteStartElement("command", "command", Command);
        xml.WriteAttributeString("xmlns", "maml", null, Maml);
        xml.WriteAttributeString("xmlns", "dev", null, Dev);
        xml.WriteStartElement("details", Command);
        Text(xml, "name", Command, f.Name);
        Paras(xml, new[] { help.Synopsis });
        xml.WriteEndElement();

        var description = new List<string>();
        if (help.Description != null) description.Add(help.Description);
        description.Add(help.Generated + "\n" + string.Join("\n", FunctionHelp.Usage));
        description.Add(FunctionHelp.OutputsHeading + "\n" + (help.Outputs.Count == 0 ? "  (none)" : string.Join("\n", help.Outputs.Select(o => "  " + o))));
        Paras(xml, description);

        var parameters = Parameters(f, help, options);
        xml.WriteStartElement("syntax", Command);
        foreach (var set in Sets(f, options))
        {
            xml.WriteStartElement("syntaxItem", Command);
            Text(xml, "name", Maml, f.Name);
            foreach (var p in parameters.Where(p => p.InSet(set)))
                WriteParameter(xml, p, p.RequiredIn(set), withDetails: false);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("parameters", Command);
        foreach (var p in parameters) WriteParameter(xml, p, p.RequiredIn(Direct), withDetails: true);
        xml.WriteEndElement();

        xml.WriteStartElement("returnValues", Command);
        xml.WriteStartElement("returnValue", Command);
        xml.WriteStartElement("type", Dev);
        Text(xml, "name", Maml, FunctionHelp.OutputType);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("examples", Command);
        var n = 0;
        foreach (var (code, remarks) in help.Examples)
        {
            xml.WriteStartElement("example", Command);
            Text(xml, "title", Maml, $"-------------------------- EXAMPLE {++n} --------------------------");
            Text(xml, "code", Dev, "PS > " + code);
            xml.WriteStartElement("remarks", Dev);
            Paras(xml, new[] { remarks }, wrap: false);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("relatedLinks", Maml);
        xml.WriteStartElement("navigationLink", Maml);
        Text(xml, "linkText", Maml, FunctionHelp.Link);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    const string Direct = "Direct";
    const string Pipeline = "Pipeline";

    /// <summary>The parameter sets the generator's param block makes, the default first.</summary>
    static IEnumerable<string> Sets(GeneratedFunction f, ProxyOptions options)
    {
        yield return Direct;
        if (options.Controls.Any(c => c.FromPipeline) || f.Parameters.Any(p => p.Mandatory)) yield return Pipeline;
    }

    sealed class Param
    {
        public string Name = "", Type = "", Help = "", Position = "named", PipelineInput = "false", Default = "", Aliases = "";
        public bool Mandatory, PipelineOnly, IsSwitch;
        public bool InSet(string set) => !PipelineOnly || set == Pipeline;
        public bool RequiredIn(string set) => PipelineOnly || (Mandatory && set == Direct);
    }

    /// <summary>The parameters as the param block declares them (ProxyFunctionGenerator.Declaration), in its order.</summary>
    static List<Param> Parameters(GeneratedFunction f, FunctionHelp help, ProxyOptions options)
    {
        var list = f.Parameters.Select((p, i) => new Param
        {
            Name = p.Name,
            Type = DotNetName(p.Type.TypeName),
            Help = OneLine(help.Parameters[i]),
            Position = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A mandatory one takes pipeline input only in the pipeline set; Get-Help shows the default set.
            PipelineInput = p.Mandatory ? "false" : "true (ByPropertyName)",
            Default = DefaultText(p),
            Aliases = p.Alias ?? "",
            Mandatory = p.Mandatory,
        }).ToList();
        list.AddRange(options.Controls.Select(c => new Param
        {
            Name = c.Name,
            Type = DotNetName(c.TypeName),
            Help = c.Help,
            PipelineInput = c.FromPipeline ? "true (ByValue)" : "false",
            Default = c.TypeName == "switch" ? "False" : c.TypeName == "int" ? "0" : "",
            Aliases = string.Join(", ", c.Aliases),
            PipelineOnly = c.FromPipeline,
            IsSwitch = c.TypeName == "switch",
        }));
        return list;
    }

    /// <summary>The default as inline help shows it: a string as it is, anything else as its literal.</summary>
    static string DefaultText(ProxyParameter p)
    {
        if (!p.Source.HasDefault) return "";
        if (p.Type.Kind == ValueKind.String && p.Source.Default is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s)) return s;
        return ProxyFunctionGenerator.DefaultLiteral(p.Type, p.Source.Default) ?? "";
    }

    static string DotNetName(string literal)
    {
        var array = literal.EndsWith("[]", System.StringComparison.Ordinal);
        var item = array ? literal.Substring(0, literal.Length - 2) : literal;
        return (TypeNames.TryGetValue(item, out var name) ? name : item) + (array ? "[]" : "");
    }

    static void WriteParameter(XmlWriter xml, Param p, bool required, bool withDetails)
    {
        xml.WriteStartElement("parameter", Command);
        xml.WriteAttributeString("required", required ? "true" : "false");
        xml.WriteAttributeString("variableLength", "true");
        xml.WriteAttributeString("globbing", "false");
        xml.WriteAttributeString("pipelineInput", p.PipelineInput);
        xml.WriteAttributeString("position", p.Position);
        xml.WriteAttributeString("aliases", Clean(p.Aliases));
        Text(xml, "name", Maml, p.Name);
        if (withDetails) Paras(xml, new[] { p.Help });
        // A switch shows no value in the syntax, and "[<SwitchParameter>]" in its own help.
        if (!p.IsSwitch || withDetails)
        {
            xml.WriteStartElement("parameterValue", Command);
            xml.WriteAttributeString("required", p.IsSwitch ? "false" : "true");
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(p.Type);
            xml.WriteEndElement();
        }
        if (withDetails)
        {
            xml.WriteStartElement("type", Dev);
            Text(xml, "name", Maml, p.Type);
            xml.WriteEndElement();
            Text(xml, "defaultValue", Dev, p.Default);
        }
        xml.WriteEndElement();
    }

    /// <summary>A parameter's help is one line, as inline.</summary>
    static string OneLine(string text) => Lines(text).Replace('\n', ' ');

    static string Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>A maml:description of paragraphs (their line breaks kept), or the paragraphs alone.</summary>
    static void Paras(XmlWriter xml, IEnumerable<string> paragraphs, bool wrap = true)
    {
        if (wrap) xml.WriteStartElement("description", Maml);
        foreach (var para in paragraphs)
            Text(xml, "para", Maml, Lines(para));
        if (wrap) xml.WriteEndElement();
    }

    static void Text(XmlWriter xml, string name, string ns, string text)
    {
        xml.WriteStartElement(name, ns);
        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    /// <summary>The text with control characters but line breaks, and what XML cannot carry (lone surrogates), as spaces.</summary>
    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            sb.Append(c == '\n' || (XmlConvert.IsXmlChar(c) && !char.IsControl(c)) ? c : ' ');
        }
        return sb.ToString();
    }
}
