using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// File names that come from a server are untrusted: only the last segment is kept, characters
/// no file system accepts (and controls, bidirectional overrides) are replaced, and names Windows
/// reserves are escaped, so a download can never leave its folder nor pass for another file.
/// </summary>
public static class SafeFileName
{
    static readonly char[] Invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).Distinct().ToArray();
    static readonly string[] Reserved =
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3",
    };

    // UTF-8 bytes: file systems allow 255, and a download adds "-N" and ".partial" to the name.
    const int MaxBytes = 200;

    public static string From(string? name)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text.Substring(text.LastIndexOf('/') + 1);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(Unsafe(c) ? '_' : c);
        var clean = TrimDotsAndSpaces(sb.ToString());
        if (clean.Length == 0) clean = "file";
        // Windows reads "con .txt" as the device too.
        var stem = clean.Split('.')[0].TrimEnd();
        if (Reserved.Contains(stem, StringComparer.OrdinalIgnoreCase)) clean = "_" + clean;
        if (Encoding.UTF8.GetByteCount(clean) > MaxBytes)
        {
            var ext = Path.GetExtension(clean);
            if (Encoding.UTF8.GetByteCount(ext) > MaxBytes / 4) ext = "";
            clean = TrimDotsAndSpaces(Cut(clean.Substring(0, clean.Length - ext.Length), MaxBytes - Encoding.UTF8.GetByteCount(ext))) + ext;
        }
        return clean;
    }

    static bool Unsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' || Array.IndexOf(Invalid, c) >= 0;

    static string TrimDotsAndSpaces(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && (char.IsWhiteSpace(s[start]) || s[start] == '.')) start++;
        while (end > start && (char.IsWhiteSpace(s[end - 1]) || s[end - 1] == '.')) end--;
        return s.Substring(start, end - start);
    }

    /// <summary>The longest start of <paramref name="s"/> within <paramref name="bytes"/> UTF-8 bytes, never half a surrogate pair.</summary>
    static string Cut(string s, int bytes)
    {
        var used = 0;
        var i = 0;
        while (i < s.Length)
        {
            var width = char.IsSurrogatePair(s, i) ? 2 : 1;
            // UTF-8: a pair takes 4 bytes; a lone surrogate is written as U+FFFD, 3.
            var size = width == 2 ? 4 : s[i] < 0x80 ? 1 : s[i] < 0x800 ? 2 : 3;
            if (used + size > bytes) break;
            used += size;
            i += width;
        }
        return s.Substring(0, i);
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
