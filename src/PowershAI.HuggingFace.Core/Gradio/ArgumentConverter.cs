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
/// Turns plain .NET values (what the cmdlet layer unwrapped from PowerShell) into JSON inputs in
/// one walk: a local file (FileInfo) found anywhere leaves a placeholder, all new files are then
/// uploaded in one request (files found in the caller's cache of earlier uploads are not sent
/// again) and the placeholders filled with their FileData. JSON nodes pass through. NaN and
/// infinities, which JSON cannot carry, are refused before anything is sent.
/// </summary>
public static class ArgumentConverter
{
    const int MaxDepth = 64;

    /// <summary>The wire inputs of bound arguments: converted, uploaded, placed (defaults and State slots filled).</summary>
    public static async Task<JsonArray> ToInputsAsync(GradioClient client, AppInfo app, BoundArguments arguments, IDictionary<string, JsonObject>? uploads, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var walk = new Walk(uploadFiles: true);
        var values = new Dictionary<int, JsonNode?>();
        foreach (var kv in arguments.Values)
            values[kv.Key] = walk.Convert(kv.Value, arguments.Endpoint.Parameters[kv.Key].DisplayName, 0);
        await walk.UploadAsync(client, app, uploads, progress, ct).ConfigureAwait(false);
        return arguments.Endpoint.ToWire(values);
    }

    /// <summary>Values to JSON, each in the same walk, uploading the local files among them.</summary>
    public static async Task<List<JsonNode?>> ToJsonAsync(GradioClient client, AppInfo app, IReadOnlyList<object?> values, IDictionary<string, JsonObject>? uploads, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var walk = new Walk(uploadFiles: true);
        var json = values.Select(v => walk.Convert(v, null, 0)).ToList();
        await walk.UploadAsync(client, app, uploads, progress, ct).ConfigureAwait(false);
        return json;
    }

    /// <summary>The JSON for a value without uploading anything: a FileInfo becomes its full path.</summary>
    public static JsonNode? ToJson(object? value) => new Walk(uploadFiles: false).Convert(value, null, 0);

    /// <summary>
    /// What identifies an upload in a cache: the file's path, size and time, so a changed file is
    /// sent again. The file is checked first (LocalFile.Check), so a bad one fails before anything is sent.
    /// </summary>
    public static string UploadKey(FileInfo file)
    {
        file = LocalFile.Check(file.FullName);
        return $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}";
    }

    sealed class Walk
    {
        readonly bool _uploadFiles;
        readonly List<(FileInfo File, JsonObject Slot)> _files = new();

        public Walk(bool uploadFiles) => _uploadFiles = uploadFiles;

        public JsonNode? Convert(object? value, string? parameter, int depth)
        {
            if (depth > MaxDepth) throw new GradioException(GradioErrorKind.InvalidArguments, $"{Where(parameter)}it is nested deeper than {MaxDepth} levels (a value that contains itself?).");
            switch (value)
            {
                case null: return null;
                case JsonNode n: return n.DeepClone();
                case FileInfo f when _uploadFiles:
                    var slot = new JsonObject();
                    _files.Add((f, slot));
                    return slot;
                case FileInfo f: return JsonValue.Create(f.FullName);
                case string s: return JsonValue.Create(s);
                case bool b: return JsonValue.Create(b);
                case char c: return JsonValue.Create(c.ToString());
                case int or long or short or byte or sbyte or ushort or uint: return JsonValue.Create(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case ulong u: return JsonValue.Create(u);
                case float or double:
                    var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(d) || double.IsInfinity(d))
                        throw new GradioException(GradioErrorKind.InvalidArguments, $"{Where(parameter)}{d.ToString(CultureInfo.InvariantCulture)} cannot be sent: JSON has no NaN or infinity.");
                    return JsonValue.Create(d);
                case decimal m: return JsonValue.Create(m);
                case DateTime dt: return JsonValue.Create(dt.ToString("o", CultureInfo.InvariantCulture));
                case DateTimeOffset dto: return JsonValue.Create(dto.ToString("o", CultureInfo.InvariantCulture));
                case Uri uri: return JsonValue.Create(uri.ToString());
                case Enum e: return JsonValue.Create(e.ToString());
                case IDictionary dict:
                    var o = new JsonObject();
                    foreach (DictionaryEntry kv in dict) o[System.Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? ""] = Convert(kv.Value, parameter, depth + 1);
                    return o;
                case IEnumerable list:
                    var a = new JsonArray();
                    foreach (var item in list) a.Add(Convert(item, parameter, depth + 1));
                    return a;
                default:
                    return JsonValue.Create(System.Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Uploads the files not in <paramref name="uploads"/> (one request), then fills every placeholder.</summary>
        public async Task UploadAsync(GradioClient client, AppInfo app, IDictionary<string, JsonObject>? uploads, IProgress<TransferProgress>? progress, CancellationToken ct)
        {
            if (_files.Count == 0) return;
            var keys = _files.Select(f => UploadKey(f.File)).ToList();
            var known = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            var pending = new List<(FileInfo File, string Key)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < _files.Count; i++)
            {
                if (!seen.Add(keys[i])) continue;
                if (uploads != null && uploads.TryGetValue(keys[i], out var earlier)) known[keys[i]] = earlier;
                else pending.Add((_files[i].File, keys[i]));
            }
            var sent = await GradioFiles.UploadAsync(client, app, pending.Select(p => p.File).ToList(), progress, ct).ConfigureAwait(false);
            for (var i = 0; i < sent.Count; i++)
            {
                known[pending[i].Key] = sent[i].FileData;
                if (uploads != null) uploads[pending[i].Key] = sent[i].FileData;
            }
            for (var i = 0; i < _files.Count; i++)
                foreach (var kv in known[keys[i]])
                    _files[i].Slot[kv.Key] = kv.Value?.DeepClone();
        }

        static string Where(string? parameter) => parameter == null ? "An argument: " : $"'{parameter}': ";
    }
}
