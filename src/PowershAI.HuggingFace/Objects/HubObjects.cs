using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
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

    static readonly Collection<string> ModelNames = Names(ModelType, "PowershaiType:HuggingFaceModel");
    static readonly Collection<string> DatasetNames = Names(DatasetType, "PowershaiType:HuggingFaceDataset");
    static readonly Collection<string> SpaceNames = Names(SpaceType, "PowershaiType:HuggingFaceSpace");
    static readonly Collection<string> WhoamiNames = Names(WhoamiType, "PowershaiType:HuggingFaceWhoami");

    public static PSObject Model(JsonNode node) => Typed(node, ModelNames);

    public static PSObject Dataset(JsonNode node) => Typed(node, DatasetNames);

    /// <summary>A Space; <c>control.GradioSession</c> and <c>GradioSession</c> name its session when one was opened (PowershAI's shape).</summary>
    public static PSObject Space(JsonNode node, GradioSession? session = null) => Space(Typed(node, SpaceNames, extra: 2), session);

    /// <summary>What <see cref="Space(JsonNode, GradioSession?)"/> adds to a Space read by <see cref="SpaceReader"/>; on the pipeline thread.</summary>
    public static PSObject Space(PSObject space, GradioSession? session = null)
    {
        space = Bind(space);
        Add(space, "control", new Hashtable { ["GradioSession"] = session?.Name });
        Add(space, "GradioSession", session);
        if (space.Properties["id"]?.Value?.ToString() is { Length: > 0 } id) Remember(id);
        return space;
    }

    /// <summary>
    /// For listings (HubClient.ListReposAsync with a reader): items made from the JSON in place,
    /// on whatever thread the core reads it, then written through <see cref="Bind"/>. Whether this
    /// runspace has the HubItem adapter is settled here, on the pipeline thread.
    /// </summary>
    public static Func<JsonElement, PSObject?> ModelReader() => Reader(ModelNames, 0);

    public static Func<JsonElement, PSObject?> DatasetReader() => Reader(DatasetNames, 0);

    public static Func<JsonElement, PSObject?> SpaceReader() => Reader(SpaceNames, 2);

    static Func<JsonElement, PSObject?> Reader(Collection<string> typeNames, int extra)
    {
        var adapted = FormatData.HubItemsAdapted;
        // The previous item's field names: a listing's items name their fields alike, in the same
        // order, so each item reuses those strings instead of decoding its own.
        var names = new List<string>();
        return element =>
        {
            if (element.ValueKind == JsonValueKind.Null) return null;
            if (!adapted || element.ValueKind != JsonValueKind.Object) return Typed(JsonNode.Parse(element.GetRawText())!, typeNames, extra);
            var item = new HubItem(typeNames, Math.Max(names.Count, 8) + extra);
            var i = 0;
            foreach (var p in element.EnumerateObject())
            {
                if (i == names.Count) names.Add(p.Name);
                else if (!p.NameEquals(names[i])) names[i] = p.Name;
                item.Append(names[i], Date(names[i], PSJson.ToPS(p.Value)));
                i++;
            }
            return new PSObject(item);
        };
    }

    /// <summary>The account, with where the token came from (never the token).</summary>
    public static PSObject Whoami(JsonNode node, string tokenSource)
    {
        var me = Typed(node, WhoamiNames, extra: 1);
        Add(me, "TokenSource", tokenSource);
        return me;
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

    /// <summary>The kind's two names before those of the PSCustomObject these objects were built as before <see cref="HubItem"/>.</summary>
    static Collection<string> Names(string type, string powershaiType) =>
        new(new[] { type, powershaiType, typeof(PSCustomObject).FullName!, typeof(object).FullName! });

    /// <summary>
    /// A <see cref="HubItem"/> where the runspace has its adapter (registered by the module's first
    /// command); elsewhere a PSObject with a note property per field, as ConvertFrom-Json builds.
    /// </summary>
    static PSObject Typed(JsonNode node, Collection<string> typeNames, int extra = 0)
    {
        if (node is JsonObject o && FormatData.HubItemsAdapted)
        {
            var item = new HubItem(typeNames, o.Count + extra);
            foreach (var kv in o) item.Append(kv.Key, Date(kv.Key, PSJson.ToPS(kv.Value)));
            return Bind(new PSObject(item));
        }
        var ps = node is JsonObject obj ? PSJson.ToPSObject(obj, Date) : PSObject.AsPSObject(PSJson.ToPS(node) ?? "");
        ps.TypeNames.Insert(0, typeNames[1]);
        ps.TypeNames.Insert(0, typeNames[0]);
        return ps;
    }

    /// <summary>
    /// The object tied to this runspace's adapter now, on the pipeline thread. PowerShell picks a
    /// PSObject's adapter at its first use, and a first use in a runspace without the adapter
    /// (ForEach-Object -Parallel) would leave it showing no fields anywhere; Copy() is the public
    /// call that picks it at once (it copies the wrapper, not the item, which is not ICloneable).
    /// </summary>
    public static PSObject Bind(PSObject ps) => ps.BaseObject is HubItem ? ps.Copy() : ps;

    static void Add(PSObject ps, string name, object? value)
    {
        if (ps.BaseObject is HubItem item) item.Set(name, value);
        else ps.Properties.Add(new PSNoteProperty(name, value));
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
