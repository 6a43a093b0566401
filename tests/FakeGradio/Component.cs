using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

internal enum ComponentKind { Textbox, Number, Radio, File, Json, State, Button, Form }

/// <summary>A UI component of the fake app, with the per-version JSON the real one would report.</summary>
internal sealed class Component(int id, ComponentKind kind, string? label = null, JsonNode? value = null, string[]? choices = null)
{
    private const string FileDataDoc =
        "The FileData class is a subclass of the GradioModel class that represents a file object within a Gradio interface. " +
        "It is used to store file data and metadata when a file is uploaded.\n\nAttributes:\n" +
        "    path: The server file path where the file is stored.\n    url: The normalized server URL pointing to the file.\n" +
        "    size: The size of the file in bytes.\n    orig_name: The original filename before upload.\n" +
        "    mime_type: The MIME type of the file.\n    is_stream: Indicates whether the file is a stream.\n" +
        "    meta: Additional metadata used internally (should not be changed).";

    private const string SampleFileUrl = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf";

    public int Id { get; } = id;
    public ComponentKind Kind { get; } = kind;
    public string? Label { get; } = label;
    /// <summary>Initial value; also the parameter default reported by /info.</summary>
    public JsonNode? Value { get; } = value;
    public string[] Choices { get; } = choices ?? [];

    /// <summary>State and layout blocks are not part of the API (skip_api).</summary>
    public bool SkipApi => Kind is ComponentKind.State or ComponentKind.Button or ComponentKind.Form;

    public string TypeName => Kind.ToString().ToLowerInvariant();

    /// <summary>The capitalised class name /info reports ("Textbox", "Json").</summary>
    public string ClassName => Kind.ToString();

    public JsonObject ConfigEntry(Profile p)
    {
        var entry = new JsonObject { ["id"] = Id, ["type"] = TypeName, ["props"] = Props(p) };
        if (p.IsV3)
        {
            if (!SkipApi)
            {
                entry["serializer"] = Serializer;
                entry["api_info"] = new JsonObject { ["info"] = ApiInfo(p), ["serialized_info"] = Kind == ComponentKind.File };
                entry["example_inputs"] = new JsonObject { ["raw"] = ExampleInput(p), ["serialized"] = ExampleInput(p) };
            }
            return entry;
        }
        entry["skip_api"] = SkipApi;
        entry["component_class_id"] = ClassId(p);
        if (p.RenderFields) entry["key"] = null;
        if (SkipApi) return entry;
        entry["api_info"] = ApiInfo(p);
        if (p.Titles)
        {
            entry["api_info_as_input"] = ApiInfo(p);
            entry["api_info_as_output"] = ApiInfo(p);
        }
        entry["example_inputs"] = ExampleInput(p);
        return entry;
    }

    /// <summary>JSON schema of the value (the /info "type").</summary>
    public JsonObject ApiInfo(Profile p) => Kind switch
    {
        ComponentKind.Textbox => p.IsV3 ? new() { ["type"] = "string", ["description"] = "" } : new() { ["type"] = "string" },
        ComponentKind.Number => p.IsV3 ? new() { ["type"] = "number", ["description"] = "" } : new() { ["type"] = "number" },
        ComponentKind.Radio => p.IsV3
            ? new() { ["type"] = "string", ["description"] = "" }
            : new() { ["enum"] = Strings(Choices), ["title"] = "Radio", ["type"] = "string" },
        ComponentKind.Json => new() { ["type"] = new JsonObject(), ["description"] = "any valid json" },
        ComponentKind.File => p.IsV3 ? new() { ["type"] = "string", ["description"] = "filepath or URL to file" } : FileDataSchema(p),
        _ => new(),
    };

    /// <summary>The /info python_type of a parameter (input) or return value.</summary>
    public JsonObject PythonType(Profile p, bool input)
    {
        var (type, description) = Kind switch
        {
            ComponentKind.Textbox => ("str", ""),
            ComponentKind.Number => ("float", ""),
            ComponentKind.Radio => (p.IsV3 ? "str" : $"Literal[{string.Join(", ", Choices.Select(c => $"'{c}'"))}]", ""),
            ComponentKind.Json => (p.LowercaseDictType ? "str | float | bool | list | dict" : "Dict[Any, Any]", "any valid json"),
            ComponentKind.File when p.IsV3 => ("str", "filepath or URL to file"),
            ComponentKind.File => (FilePythonType(p), input && p.LowercaseDictType ? FileDataDoc : ""),
            _ => ("Any", ""),
        };
        return new JsonObject { ["type"] = type, ["description"] = description };
    }

    public JsonNode? ExampleInput(Profile p) => Kind switch
    {
        ComponentKind.Textbox => p.IsV3 ? "Howdy!" : "Hello!!",
        ComponentKind.Number => 3,
        ComponentKind.Radio => Choices[0],
        ComponentKind.Json => new JsonObject { ["foo"] = "bar" },
        ComponentKind.File when p.IsV3 => SampleFileUrl,
        ComponentKind.File => FileExample(p),
        _ => null,
    };

    /// <summary>3.x serializer class name.</summary>
    public string Serializer => Kind switch
    {
        ComponentKind.Number => "NumberSerializable",
        ComponentKind.File => "FileSerializable",
        ComponentKind.Json => "JSONSerializable",
        _ => "StringSerializable",
    };

    private static JsonNode FileExample(Profile p)
    {
        var example = new JsonObject { ["path"] = SampleFileUrl };
        if (p.FileMeta) example["meta"] = new JsonObject { ["_type"] = "gradio.FileData" };
        example["orig_name"] = "sample_file.pdf";
        example["url"] = SampleFileUrl;
        return example;
    }

    private static JsonObject FileDataSchema(Profile p)
    {
        static JsonObject Optional(string type, string title) => new()
        {
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = type }, new JsonObject { ["type"] = "null" }),
            ["default"] = null,
            ["title"] = title,
        };
        var properties = new JsonObject
        {
            ["path"] = new JsonObject { ["title"] = "Path", ["type"] = "string" },
            ["url"] = Optional("string", "Url"),
            ["size"] = Optional("integer", "Size"),
            ["orig_name"] = Optional("string", "Orig Name"),
            ["mime_type"] = Optional("string", "Mime Type"),
        };
        if (p.FileIsStream) properties["is_stream"] = new JsonObject { ["default"] = false, ["title"] = "Is Stream", ["type"] = "boolean" };
        if (p.FileMeta)
        {
            properties["meta"] = new JsonObject
            {
                ["additionalProperties"] = true,
                ["default"] = new JsonObject { ["_type"] = "gradio.FileData" },
                ["title"] = "Meta",
                ["type"] = "object",
            };
        }
        var schema = new JsonObject { ["properties"] = properties, ["required"] = new JsonArray("path"), ["title"] = "FileData", ["type"] = "object" };
        if (p.LowercaseDictType) schema["additional_description"] = FileDataDoc;
        return schema;
    }

    private static string FilePythonType(Profile p)
    {
        var dict = p.LowercaseDictType ? "dict" : "Dict";
        var fields = "path: str, url: str | None, size: int | None, orig_name: str | None, mime_type: str | None";
        if (p.FileIsStream) fields += ", is_stream: bool";
        if (p.FileMeta) fields += $", meta: {dict}(str, Any)";
        return $"{dict}({fields})";
    }

    private JsonObject Props(Profile p)
    {
        var props = new JsonObject();
        void Common()
        {
            props["label"] = Label;
            props["show_label"] = true;
            props["container"] = true;
            props["min_width"] = 160;
            props["visible"] = true;
            props["elem_classes"] = new JsonArray();
        }
        if (Value is not null && Kind != ComponentKind.Button) props["value"] = Value.DeepClone();
        switch (Kind)
        {
            case ComponentKind.Textbox:
                props["lines"] = 1;
                props["max_lines"] = 20;
                props["label"] = Label;
                props["show_label"] = true;
                props["container"] = true;
                props["min_width"] = 160;
                props["visible"] = true;
                props["autofocus"] = false;
                props["autoscroll"] = true;
                props["elem_classes"] = new JsonArray();
                props["type"] = "text";
                props["rtl"] = false;
                props["show_copy_button"] = false;
                if (p.Titles)
                {
                    props["submit_btn"] = false;
                    props["stop_btn"] = false;
                }
                break;
            case ComponentKind.Number:
                Common();
                props["step"] = 1;
                break;
            case ComponentKind.Radio:
                props.Remove("value");
                props["choices"] = new JsonArray(Choices.Select(c => (JsonNode)new JsonArray(c, c)).ToArray());
                if (Value is not null) props["value"] = Value.DeepClone();
                props["type"] = "value";
                Common();
                break;
            case ComponentKind.File:
                props["file_count"] = "single";
                props["type"] = "filepath";
                Common();
                if (p.Titles) props["allow_reordering"] = false;
                break;
            case ComponentKind.Json:
                Common();
                if (p.Titles)
                {
                    props["open"] = false;
                    props["show_indices"] = false;
                    props["max_height"] = 500;
                }
                break;
            case ComponentKind.State:
                props["time_to_live"] = null;
                props["delete_callback"] = "<function State.__init__.<locals>.<lambda> at 0x7f4c4339a5c0>";
                break;
            case ComponentKind.Button:
                props["value"] = Label;
                props["variant"] = "secondary";
                if (p.Titles) props["size"] = "lg";
                props["visible"] = true;
                props["interactive"] = true;
                props["elem_classes"] = new JsonArray();
                break;
            case ComponentKind.Form:
                props["scale"] = 0;
                props["min_width"] = 0;
                break;
        }
        props["name"] = TypeName;
        if (!p.IsV3 && Kind != ComponentKind.Form) props["_selectable"] = false;
        return props;
    }

    /// <summary>A stable per-class id: 64 hex characters in 5.x, 32 before, like the genuine configs.</summary>
    private string ClassId(Profile p)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TypeName)));
        return p.Titles ? hex : hex[..32];
    }

    private static JsonArray Strings(string[] items) => new(items.Select(i => (JsonNode)i).ToArray());
}
