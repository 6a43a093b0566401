using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.CodeGen;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.CodeGenTests;

/// <summary>The table from /info (JSON schema, python_type, component) to a PowerShell type and choices.</summary>
public class TypeMappingTests
{
    const string FileData = """{"properties":{"path":{"title":"Path","type":"string"},"url":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Url"}},"required":["path"],"title":"FileData","type":"object"}""";
    const string ImageData = """{"properties":{"path":{"anyOf":[{"type":"string"},{"type":"null"}],"default":null,"title":"Path"}},"title":"ImageData","type":"object"}""";
    const string ListFiles = """{"items":{"properties":{"path":{"title":"Path","type":"string"}},"title":"FileData","type":"object"},"title":"ListFiles","type":"array"}""";
    const string FileDict = "dict(path: str, url: str | None, size: int | None, orig_name: str | None, mime_type: str | None, is_stream: bool, meta: dict(str, Any))";

    /// <summary>schema JSON ("" for none), python_type, component → TypeName, choices joined with |.</summary>
    public static TheoryData<string, string, string, string, string> Table => new()
    {
        // Scalars from the schema, and from python_type when the schema says nothing.
        { """{"type":"string"}""", "str", "Textbox", "string", "" },
        { """{"type":"integer"}""", "int", "Number", "long", "" },
        { """{"type":"number"}""", "float", "Number", "double", "" },
        { """{"type":"number","description":"numeric value between 0 and 10"}""", "float", "Slider", "double", "" },
        { """{"type":"boolean"}""", "bool", "Checkbox", "bool", "" },
        { "", "str", "Textbox", "string", "" },
        { "", "int", "Number", "long", "" },
        { "", "float", "Number", "double", "" },
        { "", "bool", "Checkbox", "bool", "" },
        { """{"type":"number","description":""}""", "int | float", "Slider", "double", "" }, // 3.x
        // Enums and Literal.
        { """{"type":"string","enum":["alpha","beta","gamma"]}""", "Literal['alpha', 'beta', 'gamma']", "Dropdown", "string", "alpha|beta|gamma" },
        { """{"enum":["one","two","three"],"title":"Radio","type":"string"}""", "Literal['one', 'two', 'three']", "Radio", "string", "one|two|three" },
        { """{"type":"string"}""", "Literal['x', \"it's\", 'a\\\\b']", "Radio", "string", "x|it's|a\\b" },
        { "", "Literal['only', 'python']", "Dropdown", "string", "only|python" },
        // Lists of each.
        { """{"type":"array","items":{"type":"string"}}""", "list[str]", "Dropdown", "string[]", "" },
        { """{"type":"array","items":{"type":"integer"}}""", "list[int]", "Dataframe", "long[]", "" },
        { """{"type":"array","items":{"type":"number"}}""", "list[float]", "Dataframe", "double[]", "" },
        { """{"type":"array","items":{"type":"boolean"}}""", "list[bool]", "Dataframe", "bool[]", "" },
        { "", "list[str]", "Dropdown", "string[]", "" },
        { "", "List[int]", "Dropdown", "long[]", "" },
        { "", "list[float]", "Dropdown", "double[]", "" },
        { """{"type":"array","items":{}}""", "list[Any]", "Dataframe", "object[]", "" },
        // Lists of Literal.
        { """{"type":"array","items":{"type":"string","enum":["a","b","c"]}}""", "list[Literal['a', 'b', 'c']]", "Checkboxgroup", "string[]", "a|b|c" },
        { "", "list[Literal['a', 'b']]", "Checkboxgroup", "string[]", "a|b" },
        // Files.
        { FileData, "filepath", "File", "object", "" },
        { FileData, FileDict, "File", "object", "" },
        { ImageData, FileDict, "Image", "object", "" },
        { FileData, FileDict, "Audio", "object", "" },
        { FileData, FileDict, "Video", "object", "" },
        { "", "", "Image", "object", "" },
        { """{"type":"object"}""", "Any", "Audio", "object", "" },
        { ListFiles, "list[filepath]", "File", "object[]", "" },
        { """{"type":"array","items":{}}""", "list[filepath]", "Files", "object[]", "" },
        // dict / JSON / Any.
        { """{"type":"object","additionalProperties":{}}""", "dict(str, Any)", "Json", "object", "" },
        { "{}", "Any", "Json", "object", "" },
        { "", "Any", "State", "object", "" },
        { """{"type":"object","properties":{"headers":{"type":"array"}}}""", "dict(headers: list[Any], data: list[list[Any]])", "Dataframe", "object", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Maps_schema_python_type_and_component(string schema, string pythonType, string component, string typeName, string choices)
    {
        var type = ParameterType.For(Parameter(schema, pythonType, component));
        Assert.Equal(typeName, type.TypeName);
        Assert.Equal(choices, string.Join("|", type.Choices));
        Assert.Equal(typeName is "object" or "object[]" && component is "File" or "Files" or "Image" or "Audio" or "Video", type.IsFile);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void The_mapped_type_and_choices_reach_the_param_block(string schema, string pythonType, string component, string typeName, string choices)
    {
        var app = Gen.OneEndpoint("/t", (JsonObject)Parameter(schema, pythonType, component).Raw!.DeepClone());
        var f = Gen.One(app);
        var decl = Structure.Declaration(f, f.Parameters.Single().Name);
        Assert.Contains("        [" + typeName + "]\n", decl);
        if (choices.Length > 0)
            Assert.Contains("[ValidateSet(" + string.Join(", ", choices.Split('|').Select(PowerShellText.Quote)) + ")]", decl);
        else
            Assert.DoesNotContain("ValidateSet", decl);
        Structure.AssertSafe(f, choices.Length > 0 ? choices.Split('|') : null);
    }

    [Fact]
    public void A_3x_python_type_given_as_a_plain_string_is_read()
    {
        // ParameterInfo falls back to python_type as a string when it is not an object.
        var raw = new JsonObject { ["label"] = "n", ["type"] = new JsonObject { ["type"] = "number" }, ["python_type"] = "float", ["component"] = "Number" };
        var p = Gen.OneEndpoint("/t", raw).Endpoints[0].Parameters[0];
        Assert.Equal("float", p.PythonType);
        Assert.Equal("double", ParameterType.For(p).TypeName);
    }

    static PowershAI.HuggingFace.Core.Gradio.ParameterInfo Parameter(string schema, string pythonType, string component)
    {
        var raw = Gen.Param("v", "Value", schema.Length == 0 ? null : JsonNode.Parse(schema), pythonType, component);
        if (pythonType.Length == 0) raw.Remove("python_type");
        return Gen.OneEndpoint("/t", raw).Endpoints[0].Parameters[0];
    }
}
