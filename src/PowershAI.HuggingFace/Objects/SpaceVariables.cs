using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Objects;

/// <summary>The Hub's variables object ({"NAME": {"value", "description"?, "updatedAt"}}) as one object per variable.</summary>
static class SpaceVariables
{
    public const string TypeName = "PowershAI.HuggingFace.HuggingFaceSpaceVariable";

    public static PSObject[] From(string space, JsonNode? answer) =>
        (answer as JsonObject ?? new JsonObject()).Select(pair =>
        {
            var ps = new PSObject();
            ps.TypeNames.Insert(0, TypeName);
            ps.Properties.Add(new PSNoteProperty("Space", space));
            ps.Properties.Add(new PSNoteProperty("Name", pair.Key));
            ps.Properties.Add(new PSNoteProperty("Value", Text(pair.Value?["value"])));
            ps.Properties.Add(new PSNoteProperty("Description", Text(pair.Value?["description"])));
            ps.Properties.Add(new PSNoteProperty("UpdatedAt", DateTime.TryParse(Text(pair.Value?["updatedAt"]), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when) ? when : (DateTime?)null));
            return ps;
        }).ToArray();

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
