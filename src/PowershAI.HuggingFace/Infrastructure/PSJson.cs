using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// JSON to PowerShell objects the way ConvertFrom-Json makes them (PSCustomObject, object[],
/// Int64, Double), so property access is case-insensitive; and PowerShell values back to plain
/// .NET values the core converts to JSON.
/// </summary>
static class PSJson
{
    /// <summary>Converts JSON; <paramref name="replace"/> may stand in for objects (downloaded files, say).</summary>
    [MethodImpl(PerEvent.Compile)]
    public static object? ToPS(JsonNode? node, Func<JsonObject, object?>? replace = null) => node switch
    {
        null => null,
        JsonObject o when replace?.Invoke(o) is { } replaced => replaced,
        JsonObject o => ToPSObject(o, replace),
        JsonArray a => ToArray(a, replace),
        JsonValue v => Scalar(v),
        _ => node.ToJsonString(),
    };

    [MethodImpl(PerEvent.Compile)]
    static object?[] ToArray(JsonArray a, Func<JsonObject, object?>? replace)
    {
        var items = new object?[a.Count];
        for (var i = 0; i < items.Length; i++) items[i] = ToPS(a[i], replace);
        return items;
    }

    static PSObject ToPSObject(JsonObject o, Func<JsonObject, object?>? replace)
    {
        var ps = new PSObject();
        // Pre-validated: a JSON key is any string, and a fresh PSObject has no member to clash with,
        // so PowerShell's per-add checks (reserved names, types.ps1xml members) are skipped; they
        // were most of the cost of a Hub listing item.
        foreach (var kv in o) ps.Properties.Add(new PSNoteProperty(kv.Key, ToPS(kv.Value, replace)), true);
        return ps;
    }

    /// <summary>An object's properties converted as <see cref="ToPS"/> does, each top-level value passed through <paramref name="map"/> (name, value).</summary>
    public static PSObject ToPSObject(JsonObject o, Func<string, object?, object?> map)
    {
        var ps = new PSObject();
        foreach (var kv in o) ps.Properties.Add(new PSNoteProperty(kv.Key, map(kv.Key, ToPS(kv.Value))), true);
        return ps;
    }

    /// <summary>Converts JSON read in place (a listing's items: no JsonNode is built) as <see cref="ToPS(JsonNode?, Func{JsonObject, object?}?)"/> does.</summary>
    public static object? ToPS(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var ps = new PSObject();
                foreach (var p in element.EnumerateObject()) ps.Properties.Add(new PSNoteProperty(p.Name, ToPS(p.Value)), true);
                return ps;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray()) items[i++] = ToPS(item);
                return items;
            default:
                return Scalar(element);
        }
    }

    static object? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number when IsInteger(element.GetRawText()) && element.TryGetDecimal(out var m) => m,
        JsonValueKind.Number => element.GetDouble(),
        _ => element.GetRawText(),
    };

    [MethodImpl(PerEvent.Compile)]
    static object? Scalar(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var element)) return Scalar(element);
        // Values the core built itself (applied diffs) hold CLR values, not JsonElements.
        if (v.TryGetValue<string>(out var s)) return s;
        if (v.TryGetValue<bool>(out var b)) return b;
        if (v.TryGetValue<long>(out var i)) return i;
        if (v.TryGetValue<double>(out var d)) return d;
        return v.ToJsonString();
    }

    static bool IsInteger(string raw) => raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

    /// <summary>Unwraps PowerShell values: PSCustomObject, Hub objects and hashtables become ordered dictionaries, lists become lists.</summary>
    public static object? FromPS(object? value, int depth = 0)
    {
        if (depth > 64) return value?.ToString();
        if (value is PSObject ps)
        {
            if (ps.BaseObject is PSCustomObject or HubItem)
            {
                var d = new OrderedDictionary();
                foreach (var p in ps.Properties) d[p.Name] = FromPS(p.Value, depth + 1);
                return d;
            }
            value = ps.BaseObject;
        }
        switch (value)
        {
            case null or string or FileInfo or JsonNode: return value;
            case IDictionary dict:
                var d = new OrderedDictionary();
                foreach (DictionaryEntry kv in dict) d[kv.Key.ToString()] = FromPS(kv.Value, depth + 1);
                return d;
            case IEnumerable list:
                var l = new List<object?>();
                foreach (var item in list) l.Add(FromPS(item, depth + 1));
                return l;
            default:
                return value;
        }
    }
}
