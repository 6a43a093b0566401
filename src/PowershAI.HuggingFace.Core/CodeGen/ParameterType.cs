using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>What kind of value a generated parameter takes.</summary>
public enum ValueKind { String, Integer, Number, Boolean, File, FileList, StringList, IntegerList, NumberList, BooleanList, List, Json }

/// <summary>The PowerShell type of an endpoint parameter, read from its JSON schema and python_type (docs/gradio-protocol.md §2.2).</summary>
public sealed class ParameterType
{
    static readonly Regex LiteralValues = new(@"'((?:[^'\\]|\\.)*)'|""((?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant);

    ParameterType(ValueKind kind, IReadOnlyList<string>? choices = null)
    {
        Kind = kind;
        Choices = choices ?? Array.Empty<string>();
    }

    public ValueKind Kind { get; }

    /// <summary>Allowed values (Dropdown, Radio, Literal[...]); empty when free.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>The type as written in a param block.</summary>
    public string TypeName => Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Integer => "long",
        ValueKind.Number => "double",
        ValueKind.Boolean => "bool",
        ValueKind.File => "object",
        ValueKind.FileList => "object[]",
        ValueKind.StringList => "string[]",
        ValueKind.IntegerList => "long[]",
        ValueKind.NumberList => "double[]",
        ValueKind.BooleanList => "bool[]",
        ValueKind.List => "object[]",
        _ => "object",
    };

    public bool IsFile => Kind is ValueKind.File or ValueKind.FileList;

    /// <summary>A plain type of one kind (for list items).</summary>
    internal static ParameterType Scalar(ValueKind kind) => new(kind);

    public static ParameterType For(ParameterInfo p)
    {
        var schema = p.Raw?["type"];
        var py = p.PythonType ?? "";
        if (p.IsFile)
            return new(IsList(schema, py) ? ValueKind.FileList : ValueKind.File);

        var choices = ReadChoices(schema, py);
        var list = IsList(schema, py);
        if (choices.Count > 0)
        {
            // Number choices (a Dropdown of 1, 2, 3) stay numbers on the wire.
            var numeric = choices.All(c => double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                && Scalar(list ? schema?["items"] : schema, list ? ItemOf(py) : py) is ValueKind.Number or ValueKind.Integer or ValueKind.Json;
            var kind = !numeric ? ValueKind.String : choices.All(c => long.TryParse(c, out _)) ? ValueKind.Integer : ValueKind.Number;
            if (list) kind = kind switch { ValueKind.Integer => ValueKind.IntegerList, ValueKind.Number => ValueKind.NumberList, _ => ValueKind.StringList };
            return new(kind, choices);
        }

        var scalar = Scalar(list ? schema?["items"] : schema, list ? ItemOf(py) : py);
        if (!list) return new(scalar);
        return new(scalar switch
        {
            ValueKind.String => ValueKind.StringList,
            ValueKind.Integer => ValueKind.IntegerList,
            ValueKind.Number => ValueKind.NumberList,
            ValueKind.Boolean => ValueKind.BooleanList,
            _ => ValueKind.List,
        });
    }

    static ValueKind Scalar(JsonNode? schema, string py)
    {
        switch (schema?["type"]?.ToString())
        {
            case "string": return ValueKind.String;
            case "integer": return ValueKind.Integer;
            case "number": return ValueKind.Number;
            case "boolean": return ValueKind.Boolean;
        }
        return py switch
        {
            "str" => ValueKind.String,
            "int" => ValueKind.Integer,
            "float" => ValueKind.Number,
            "bool" => ValueKind.Boolean,
            _ => ValueKind.Json,
        };
    }

    static bool IsList(JsonNode? schema, string py) =>
        schema?["type"]?.ToString() == "array" || py.StartsWith("list[", StringComparison.OrdinalIgnoreCase) || py.StartsWith("List[", StringComparison.Ordinal);

    static string ItemOf(string py)
    {
        var open = py.IndexOf('[');
        return open < 0 || !py.EndsWith("]", StringComparison.Ordinal) ? "" : py.Substring(open + 1, py.Length - open - 2);
    }

    /// <summary>Choices from a JSON-schema enum (also of list items), else from Literal[...] in python_type.</summary>
    static IReadOnlyList<string> ReadChoices(JsonNode? schema, string py)
    {
        var e = schema?["enum"] as JsonArray ?? schema?["items"]?["enum"] as JsonArray;
        if (e != null && e.Count > 0 && e.All(x => x is JsonValue)) return e.Select(x => x!.ToString()).ToArray();
        var at = py.IndexOf("Literal[", StringComparison.Ordinal);
        if (at < 0) return Array.Empty<string>();
        var end = py.IndexOf(']', at);
        var body = end < 0 ? py.Substring(at) : py.Substring(at, end - at);
        return LiteralValues.Matches(body).Cast<Match>()
            .Select(m => Unescaped(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToArray();
    }

    /// <summary>A Python string literal's text with its escapes read; one that is not a valid escape (the app's word) is kept as written.</summary>
    static string Unescaped(string literal)
    {
        try
        {
            return Regex.Unescape(literal);
        }
        catch (ArgumentException)
        {
            return literal;
        }
    }
}
