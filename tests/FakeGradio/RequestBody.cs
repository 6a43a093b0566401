using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

internal enum FieldType { List, String, Int, Any }

/// <summary>One field of a pydantic body model.</summary>
internal sealed record Field(string Name, FieldType Type, bool Required = false);

/// <summary>Reads a JSON body and validates it like FastAPI/pydantic, answering 422 with the same detail list.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null after a 422 has been written.</summary>
    public static async Task<JsonObject?> ReadAsync(HttpContext ctx, params Field[] fields)
    {
        var text = await Http.ReadText(ctx);
        var errors = new JsonArray();
        JsonNode? body = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Error("missing", new JsonArray("body"), "Field required", null));
        }
        else
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                var error = Error("json_invalid", new JsonArray("body", 0), "JSON decode error", new JsonObject());
                error["ctx"] = new JsonObject { ["error"] = "Expecting value" };
                errors.Add(error);
            }
        }
        if (errors.Count == 0 && body is not JsonObject)
        {
            errors.Add(Error("model_attributes_type", new JsonArray("body"),
                "Input should be a valid dictionary or object to extract fields from", body?.DeepClone()));
        }
        if (body is JsonObject obj)
        {
            foreach (var field in fields) Check(obj, field, errors);
        }
        if (errors.Count == 0) return (JsonObject)body!;
        await Http.Json(ctx, new JsonObject { ["detail"] = errors }, StatusCodes.Status422UnprocessableEntity);
        return null;
    }

    private static void Check(JsonObject body, Field field, JsonArray errors)
    {
        var loc = new JsonArray("body", field.Name);
        if (!body.TryGetPropertyValue(field.Name, out var value))
        {
            if (field.Required) errors.Add(Error("missing", loc, "Field required", body.DeepClone()));
            return;
        }
        if (value is null && !field.Required) return;
        var (ok, type, message) = field.Type switch
        {
            FieldType.List => (value is JsonArray, "list_type", "Input should be a valid list"),
            FieldType.String => (value?.GetValueKind() == JsonValueKind.String, "string_type", "Input should be a valid string"),
            FieldType.Int => (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _),
                "int_type", "Input should be a valid integer"),
            _ => (true, "", ""),
        };
        if (!ok) errors.Add(Error(type, loc, message, value?.DeepClone()));
    }

    private static JsonObject Error(string type, JsonArray loc, string message, JsonNode? input) =>
        new() { ["type"] = type, ["loc"] = loc, ["msg"] = message, ["input"] = input };
}
