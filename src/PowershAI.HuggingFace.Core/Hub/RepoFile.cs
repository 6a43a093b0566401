using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>One entry of a repo's tree (docs/hub-api.md §1.5): a file with its size and blob ids, or a folder.</summary>
public sealed class RepoFile
{
    public RepoFile(string path, bool isDirectory, long size, string? blobId, string? sha256)
    {
        Path = path;
        IsDirectory = isDirectory;
        Size = size;
        BlobId = blobId;
        Sha256 = sha256;
    }

    /// <summary>The path inside the repo, with '/' separators.</summary>
    public string Path { get; }

    public bool IsDirectory { get; }

    /// <summary>The content's size (for an LFS file the real size, not the pointer's).</summary>
    public long Size { get; }

    /// <summary>The git blob sha1 (for an LFS file, the pointer's); a folder's tree id.</summary>
    public string? BlobId { get; }

    /// <summary>The content's sha256 for an LFS file; null for a regular one.</summary>
    public string? Sha256 { get; }

    public bool IsLfs => Sha256 != null;

    /// <summary>The name huggingface_hub gives the blob in its cache: the sha256 of an LFS file, else the git blob id.</summary>
    public string? ETag => Sha256 ?? BlobId;

    internal static RepoFile? FromJson(JsonNode node)
    {
        if (node is not JsonObject o || o["path"]?.GetValue<string>() is not { Length: > 0 } path) return null;
        var lfs = o["lfs"] as JsonObject;
        var size = lfs?["size"] ?? o["size"];
        return new RepoFile(
            path,
            o["type"]?.GetValue<string>() == "directory",
            size is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0,
            o["oid"]?.GetValue<string>(),
            lfs?["oid"]?.GetValue<string>());
    }
}
