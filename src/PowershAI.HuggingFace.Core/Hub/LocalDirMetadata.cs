using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// What huggingface_hub keeps beside a file downloaded to a plain folder (`--local-dir`):
/// {folder}/.cache/huggingface/download/{path}.metadata with three lines, the commit, the etag and
/// the time it was written (seconds since 1970). A file changed after that time is not trusted.
/// The .incomplete and .lock files of the download live there too.
/// </summary>
sealed class LocalDirMetadata
{
    public const string Folder = ".cache";

    readonly string _download;

    public LocalDirMetadata(string folder, string path)
    {
        var root = System.IO.Path.GetFullPath(folder);
        Path = path;
        Target = HubCache.Inside(root, path);
        _download = System.IO.Path.Combine(root, Folder, "huggingface", "download");
        MetadataPath = HubCache.Inside(_download, path + ".metadata");
        LockPath = HubCache.Inside(_download, path + ".lock");
    }

    public string Path { get; }
    public string Target { get; }
    public string MetadataPath { get; }
    public string LockPath { get; }

    public string IncompletePath(string etag) => HubCache.Inside(_download, Path + "." + etag + ".incomplete");

    /// <summary>The recorded commit and etag, when the file is there and has not changed since they were written.</summary>
    public (string Commit, string ETag)? Read()
    {
        if (!File.Exists(MetadataPath) || !File.Exists(Target)) return null;
        var lines = File.ReadAllLines(MetadataPath);
        if (lines.Length < 3 || !double.TryParse(lines[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var written)) return null;
        var modified = (File.GetLastWriteTimeUtc(Target) - Epoch).TotalSeconds;
        return modified - 1 <= written ? (lines[0].Trim(), lines[1].Trim()) : null;
    }

    public void Write(string commit, string etag)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(MetadataPath)!);
        var now = (DateTime.UtcNow - Epoch).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        File.WriteAllText(MetadataPath, $"{commit}\n{etag}\n{now}\n", new UTF8Encoding(false));
    }

    static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
