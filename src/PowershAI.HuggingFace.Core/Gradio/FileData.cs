using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Gradio's file objects: building them for inputs and finding them in outputs (docs/gradio-protocol.md §4.2, docs/gradio-protocol.md §4.6).</summary>
public static class FileData
{
    const string MetaType = "gradio.FileData";
    static readonly HashSet<string> FileComponents = new(StringComparer.OrdinalIgnoreCase)
    { "File", "Image", "Audio", "Video", "Model3D", "UploadButton", "Imageeditor", "Gallery", "Files", "SimpleImage" };

    /// <summary>The value to send for a file the server already holds at <paramref name="serverPath"/>.</summary>
    public static JsonObject ForInput(AppInfo app, string serverPath, string origName, long? size, string? mimeType)
    {
        if (app.Uses3xFiles)
            return new JsonObject { ["name"] = serverPath, ["data"] = null, ["is_file"] = true, ["orig_name"] = origName, ["size"] = size };
        var o = new JsonObject { ["path"] = serverPath, ["orig_name"] = origName };
        if (size.HasValue) o["size"] = size.Value;
        if (mimeType != null) o["mime_type"] = mimeType;
        o["meta"] = new JsonObject { ["_type"] = MetaType };
        return o;
    }

    /// <summary>A remote file the server fetches itself (no upload).</summary>
    public static JsonObject ForUrl(AppInfo app, Uri url)
    {
        var name = Uri.UnescapeDataString(url.Segments.LastOrDefault()?.Trim('/') ?? "file");
        if (app.Uses3xFiles) return new JsonObject { ["name"] = url.AbsoluteUri, ["data"] = null, ["is_file"] = true, ["orig_name"] = name };
        return new JsonObject { ["path"] = url.AbsoluteUri, ["url"] = url.AbsoluteUri, ["orig_name"] = name, ["meta"] = new JsonObject { ["_type"] = MetaType } };
    }

    /// <summary>Whether a JSON value is a file object: FileData with meta, an older FileData, or a 3.x file dict.</summary>
    public static bool IsFileValue(JsonNode? node)
    {
        if (node is not JsonObject o) return false;
        if (o["meta"]?["_type"]?.ToString() == MetaType) return o["path"] is JsonValue;
        if (o["path"] is JsonValue p && p.TryGetValue<string>(out _) && (o.ContainsKey("orig_name") || o.ContainsKey("url"))) return true;
        return o["is_file"] is JsonValue f && f.TryGetValue<bool>(out var isFile) && isFile && o["name"] is JsonValue;
    }

    /// <summary>Every file object inside a value, depth first (files nest in galleries, chat messages, dicts).</summary>
    public static IEnumerable<JsonObject> FindAll(JsonNode? node)
    {
        if (IsFileValue(node)) { yield return (JsonObject)node!; yield break; }
        IEnumerable<JsonNode?> children = node switch
        {
            JsonArray a => a,
            JsonObject o => o.Select(kv => kv.Value),
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (var child in children)
            foreach (var f in FindAll(child))
                yield return f;
    }

    /// <summary>Where to download a file object from: its path through {prefix}/file=, or the URL it names.</summary>
    public static Uri DownloadUrl(AppInfo app, JsonObject file)
    {
        var path = (file["path"] ?? file["name"])?.ToString() ?? "";
        if (Uri.TryCreate(path, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs;
        if (path.Length == 0 && file["url"]?.ToString() is { Length: > 0 } u && Uri.TryCreate(u, UriKind.Absolute, out var url))
            return url;
        // /call builds url from a mangled root before 5.45 (gradio #9049), so the path is the reliable part.
        return new Uri(app.ApiBase, "file=" + path);
    }

    /// <summary>The name the file had when it was made or uploaded.</summary>
    public static string OriginalName(JsonObject file)
    {
        var name = file["orig_name"]?.ToString();
        if (string.IsNullOrEmpty(name)) name = (file["path"] ?? file["name"])?.ToString();
        return name ?? "file";
    }

    /// <summary>Whether an /info parameter takes a file.</summary>
    public static bool IsFileSchema(JsonNode? type, string component, string? pythonType)
    {
        var title = type?["title"]?.ToString() ?? "";
        if (title is "FileData" or "ImageData" or "ListFiles") return true;
        if (pythonType is "filepath" || (pythonType?.Contains("filepath") ?? false)) return true;
        return FileComponents.Contains(component) && !(type?["type"]?.ToString() is "string" or "array");
    }
}
