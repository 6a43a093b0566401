using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>GET /api/spaces/{id}/runtime (or the runtime inside Space info): the fields a wait and a view need, and the rest raw.</summary>
public sealed class SpaceRuntime
{
    SpaceRuntime(string stage, string? errorMessage, string? hardware, string? requestedHardware, JsonNode raw)
    {
        Stage = stage;
        ErrorMessage = errorMessage;
        Hardware = hardware;
        RequestedHardware = requestedHardware;
        Raw = raw;
    }

    /// <summary>RUNNING, BUILDING, SLEEPING, RUNTIME_ERROR, …; "UNKNOWN" when the answer had none.</summary>
    public string Stage { get; }

    /// <summary>Set on BUILD_ERROR and RUNTIME_ERROR.</summary>
    public string? ErrorMessage { get; }

    public string? Hardware { get; }

    public string? RequestedHardware { get; }

    public JsonNode Raw { get; }

    public static SpaceRuntime From(JsonNode? json)
    {
        json ??= new JsonObject();
        return new SpaceRuntime(
            Text(json["stage"]) ?? "UNKNOWN",
            Text(json["errorMessage"]),
            Text(json["hardware"]?["current"]),
            Text(json["hardware"]?["requested"]),
            json);
    }

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
