using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// File names that come from a server are untrusted: only the last segment is kept, characters
/// no file system accepts are replaced, and names Windows reserves are escaped, so a download
/// can never leave its folder.
/// </summary>
public static class SafeFileName
{
    static readonly char[] Invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).Distinct().ToArray();
    static readonly string[] Reserved = { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9" };
    const int MaxLength = 200;

    public static string From(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text.Substring(text.LastIndexOf('/') + 1);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c < 32 || Array.IndexOf(Invalid, c) >= 0 ? '_' : c);
        var clean = sb.ToString().Trim().TrimEnd('.').TrimStart('.');
        if (clean.Length == 0) clean = "file";
        var stem = clean.Split('.')[0];
        if (Reserved.Contains(stem, StringComparer.OrdinalIgnoreCase)) clean = "_" + clean;
        if (clean.Length > MaxLength)
        {
            var ext = Path.GetExtension(clean);
            clean = clean.Substring(0, MaxLength - ext.Length) + ext;
        }
        return clean;
    }

    /// <summary>A path in <paramref name="directory"/> for <paramref name="name"/> that does not exist yet ("a.png", "a-1.png", ...).</summary>
    public static string UniquePath(string directory, string name)
    {
        var safe = From(name);
        var stem = Path.GetFileNameWithoutExtension(safe);
        var ext = Path.GetExtension(safe);
        var path = Path.Combine(directory, safe);
        for (var i = 1; File.Exists(path); i++) path = Path.Combine(directory, $"{stem}-{i}{ext}");
        return path;
    }
}
