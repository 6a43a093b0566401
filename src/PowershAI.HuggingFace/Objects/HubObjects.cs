using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Objects;

/// <summary>PowerShell views of Hub answers: the JSON as objects, with stable type names (and PowershAI's tags).</summary>
static class HubObjects
{
    public const string ModelType = "PowershAI.HuggingFace.HuggingFaceModel";
    public const string DatasetType = "PowershAI.HuggingFace.HuggingFaceDataset";
    public const string SpaceType = "PowershAI.HuggingFace.HuggingFaceSpace";
    public const string WhoamiType = "PowershAI.HuggingFace.HuggingFaceWhoami";

    static object RecentLock => ModuleState.Current.RecentLock;
    static List<string> Recent => ModuleState.Current.RecentSpaces;
    const int RecentMax = 50;

    public static PSObject Model(JsonNode node) => Typed(node, ModelType, "PowershaiType:HuggingFaceModel");

    public static PSObject Dataset(JsonNode node) => Typed(node, DatasetType, "PowershaiType:HuggingFaceDataset");

    /// <summary>A Space; <c>control.GradioSession</c> and <c>GradioSession</c> name its session when one was opened (PowershAI's shape).</summary>
    public static PSObject Space(JsonNode node, GradioSession? session = null)
    {
        var ps = Typed(node, SpaceType, "PowershaiType:HuggingFaceSpace");
        ps.Properties.Add(new PSNoteProperty("control", new Hashtable { ["GradioSession"] = session?.Name }));
        ps.Properties.Add(new PSNoteProperty("GradioSession", session));
        if (node["id"]?.ToString() is { Length: > 0 } id) Remember(id);
        return ps;
    }

    /// <summary>The account, with where the token came from (never the token).</summary>
    public static PSObject Whoami(JsonNode node, string tokenSource)
    {
        var ps = Typed(node, WhoamiType, "PowershaiType:HuggingFaceWhoami");
        ps.Properties.Add(new PSNoteProperty("TokenSource", tokenSource));
        return ps;
    }

    /// <summary>Spaces seen in this process, newest first, for tab completion.</summary>
    public static IReadOnlyList<string> RecentSpaces
    {
        get { lock (RecentLock) return Recent.ToList(); }
    }

    /// <summary>A Space id from what a -Space argument holds: an id, or an object with an id.</summary>
    public static string SpaceId(object? value)
    {
        var v = value is PSObject ps ? ps : PSObject.AsPSObject(value ?? "");
        return (v.BaseObject is string s ? s : v.Properties["id"]?.Value?.ToString() ?? v.ToString()).Trim();
    }

    static void Remember(string id)
    {
        lock (RecentLock)
        {
            Recent.Remove(id);
            Recent.Insert(0, id);
            if (Recent.Count > RecentMax) Recent.RemoveAt(Recent.Count - 1);
        }
    }

    static PSObject Typed(JsonNode node, params string[] typeNames)
    {
        var ps = node is JsonObject o ? PSJson.ToPSObject(o, Date) : PSObject.AsPSObject(PSJson.ToPS(node) ?? "");
        for (var i = typeNames.Length - 1; i >= 0; i--) ps.TypeNames.Insert(0, typeNames[i]);
        return ps;
    }

    /// <summary>
    /// The Hub's timestamps (lastModified, createdAt, ...At) as [DateTime] (UTC), so they compare
    /// and sort as dates; a value that is not an ISO 8601 timestamp stays as it came.
    /// </summary>
    static object? Date(string name, object? value)
    {
        if (!(name == "lastModified" || name.EndsWith("At", StringComparison.Ordinal)) || value is not string text || text.IndexOf('T') < 0) return value;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when) ? when : value;
    }
}
