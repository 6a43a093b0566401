using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// Turns plain .NET values (what the cmdlet layer unwrapped from PowerShell) into JSON inputs.
/// Local files (FileInfo) found anywhere are uploaded first, in one request, and replaced by
/// their FileData; JSON nodes pass through.
/// </summary>
public static class ArgumentConverter
{
    const int MaxDepth = 64;

    public static async Task<List<JsonNode?>> ToJsonAsync(GradioClient client, AppInfo app, IReadOnlyList<object?> values, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var files = new List<FileInfo>();
        foreach (var v in values) CollectFiles(v, files, 0);
        var uploaded = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (files.Count > 0)
        {
            var distinct = files.GroupBy(f => f.FullName).Select(g => g.First()).ToList();
            foreach (var u in await GradioFiles.UploadAsync(client, app, distinct, progress, ct).ConfigureAwait(false))
                uploaded[u.Local.FullName] = u.FileData;
        }
        return values.Select(v => Convert(v, uploaded, 0)).ToList();
    }

    /// <summary>The JSON for a value without uploading anything: a FileInfo becomes its full path.</summary>
    public static JsonNode? ToJson(object? value) => Convert(value, null, 0);

    static void CollectFiles(object? value, List<FileInfo> files, int depth)
    {
        Guard(depth);
        switch (value)
        {
            case FileInfo f: files.Add(f); break;
            case string or JsonNode or null: break;
            case IDictionary d: foreach (var v in d.Values) CollectFiles(v, files, depth + 1); break;
            case IEnumerable e: foreach (var v in e) CollectFiles(v, files, depth + 1); break;
        }
    }

    static JsonNode? Convert(object? value, Dictionary<string, JsonObject>? uploaded, int depth)
    {
        Guard(depth);
        switch (value)
        {
            case null: return null;
            case JsonNode n: return n.DeepClone();
            case FileInfo f: return uploaded == null ? JsonValue.Create(f.FullName) : uploaded[f.FullName].DeepClone();
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case char c: return JsonValue.Create(c.ToString());
            case int or long or short or byte or sbyte or ushort or uint: return JsonValue.Create(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong u: return JsonValue.Create(u);
            case float or double: return JsonValue.Create(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case decimal m: return JsonValue.Create(m);
            case DateTime dt: return JsonValue.Create(dt.ToString("o", CultureInfo.InvariantCulture));
            case DateTimeOffset dto: return JsonValue.Create(dto.ToString("o", CultureInfo.InvariantCulture));
            case Uri uri: return JsonValue.Create(uri.ToString());
            case Enum e: return JsonValue.Create(e.ToString());
            case IDictionary d:
                var o = new JsonObject();
                foreach (DictionaryEntry kv in d) o[System.Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? ""] = Convert(kv.Value, uploaded, depth + 1);
                return o;
            case IEnumerable e:
                var a = new JsonArray();
                foreach (var item in e) a.Add(Convert(item, uploaded, depth + 1));
                return a;
            default:
                return JsonValue.Create(System.Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    static void Guard(int depth)
    {
        if (depth > MaxDepth) throw new GradioException(GradioErrorKind.InvalidArguments, $"An argument is nested deeper than {MaxDepth} levels (a value that contains itself?).");
    }
}
