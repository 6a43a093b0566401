using System;
using System.Collections.Generic;
using System.IO;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>The MIME type for a file name: Gradio components pick formats by it (PowershAI sent octet-stream for all, its issue #49).</summary>
public static class MimeTypes
{
    static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".bmp"] = "image/bmp", [".svg"] = "image/svg+xml", [".tif"] = "image/tiff", [".tiff"] = "image/tiff",
        [".ico"] = "image/x-icon", [".wav"] = "audio/wav", [".mp3"] = "audio/mpeg", [".ogg"] = "audio/ogg", [".flac"] = "audio/flac",
        [".m4a"] = "audio/mp4", [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mov"] = "video/quicktime", [".avi"] = "video/x-msvideo",
        [".txt"] = "text/plain", [".csv"] = "text/csv", [".md"] = "text/markdown", [".html"] = "text/html", [".htm"] = "text/html",
        [".json"] = "application/json", [".xml"] = "application/xml", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
        [".gz"] = "application/gzip", [".glb"] = "model/gltf-binary", [".gltf"] = "model/gltf+json", [".obj"] = "model/obj",
    };

    public static string For(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName) ?? "", out var type) ? type : "application/octet-stream";
}
