using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// huggingface_hub's cache layout (docs/hub-api.md §1.8), so a file either side downloaded is the
/// other's too: {root}/{models|datasets|spaces}--{ns}--{name}/ holds blobs/{etag},
/// snapshots/{commit}/{path} (a relative symbolic link to the blob, a copy where links cannot be
/// made), refs/{revision} (the commit, no newline) and .no_exist/{commit}/{path} (files known to be
/// missing); locks are {root}/.locks/{repo folder}/{etag}.lock.
/// </summary>
public sealed class HubCache
{
    public HubCache(string? root = null) => Root = Path.GetFullPath(string.IsNullOrEmpty(root) ? DefaultRoot : root!);

    /// <summary>HF_HUB_CACHE, else the older HUGGINGFACE_HUB_CACHE, else $HF_HOME/hub.</summary>
    public static string DefaultRoot => EnvironmentVariable.Value("HF_HUB_CACHE") ?? EnvironmentVariable.Value("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(TokenFile.HfHome, "hub");

    public string Root { get; }

    /// <summary>models--owner--name (the id's '/' becomes '--', which is why ids may not contain '--').</summary>
    public static string FolderName(HubRepoType type, string id) => RepoPath.Collection(type) + "--" + RepoPath.Validate(id).Replace("/", "--");

    public string RepoFolder(HubRepoType type, string id) => Path.Combine(Root, FolderName(type, id));

    public string BlobPath(HubRepoType type, string id, string etag) => Path.Combine(RepoFolder(type, id), "blobs", etag);

    public string SnapshotFolder(HubRepoType type, string id, string commit) => Path.Combine(RepoFolder(type, id), "snapshots", commit);

    /// <summary>snapshots/{commit}/{path}; a path that would leave the snapshot is refused.</summary>
    public string SnapshotPath(HubRepoType type, string id, string commit, string path) =>
        Inside(SnapshotFolder(type, id, commit), path);

    public string LockPath(HubRepoType type, string id, string etag) => Path.Combine(Root, ".locks", FolderName(type, id), etag + ".lock");

    /// <summary>The commit refs/{revision} records; null when there is none.</summary>
    public string? ReadRef(HubRepoType type, string id, string revision)
    {
        var file = Inside(Path.Combine(RepoFolder(type, id), "refs"), revision);
        if (!File.Exists(file)) return null;
        var commit = File.ReadAllText(file).Trim();
        return commit.Length == 0 ? null : commit;
    }

    public void WriteRef(HubRepoType type, string id, string revision, string commit)
    {
        var file = Inside(Path.Combine(RepoFolder(type, id), "refs"), revision);
        if (ReadRef(type, id, revision) == commit) return;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, commit, new UTF8Encoding(false));
    }

    /// <summary>The commit a revision stands for in the cache: itself when it is a commit id, else its ref.</summary>
    public string? CommitOf(HubRepoType type, string id, string revision) =>
        IsCommit(revision) ? revision : ReadRef(type, id, revision);

    /// <summary>The snapshot file of <paramref name="path"/> at <paramref name="revision"/> when the cache has it (and its blob); else null.</summary>
    public string? Find(HubRepoType type, string id, string revision, string path) =>
        CommitOf(type, id, revision) is { } commit && SnapshotPath(type, id, commit, path) is var pointer && IsReadable(pointer) ? pointer : null;

    /// <summary>.no_exist/{commit}/{path}: an empty file saying the Hub answered "no such file" at that commit (huggingface_hub writes the same).</summary>
    public string NoExistPath(HubRepoType type, string id, string commit, string path) =>
        Inside(Path.Combine(RepoFolder(type, id), ".no_exist", commit), path);

    /// <summary>Records that <paramref name="path"/> does not exist at <paramref name="commit"/>.</summary>
    public void MarkMissing(HubRepoType type, string id, string commit, string path)
    {
        var marker = NoExistPath(type, id, commit, path);
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        if (!File.Exists(marker)) File.WriteAllBytes(marker, Array.Empty<byte>());
    }

    /// <summary>The commit <paramref name="revision"/> stands for when the cache records <paramref name="path"/> as missing there; else null.</summary>
    public string? MissingAt(HubRepoType type, string id, string revision, string path) =>
        CommitOf(type, id, revision) is { } commit && File.Exists(NoExistPath(type, id, commit, path)) ? commit : null;

    /// <summary>
    /// Points snapshots/{commit}/{path} at the blob: a relative symbolic link as huggingface_hub
    /// makes, or a copy where the runtime or the OS cannot make links (Windows without the right).
    /// </summary>
    public static void Link(string blob, string pointer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pointer)!);
        if (File.Exists(pointer) || IsLink(pointer)) File.Delete(pointer);
        if (CreateSymbolicLink is { } create)
        {
            try
            {
                create.Invoke(null, new object[] { pointer, Relative(Path.GetDirectoryName(pointer)!, blob) });
                return;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
            }
        }
        File.Copy(blob, pointer, overwrite: true);
    }

    /// <summary>True when the file exists and can be opened: a link whose blob is gone is not.</summary>
    public static bool IsReadable(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A 40-hex commit id.</summary>
    public static bool IsCommit(string revision) => revision.Length == 40 && revision.All(Uri.IsHexDigit);

    /// <summary>File.CreateSymbolicLink exists from .NET 6 on; PowerShell 7 has it, Windows PowerShell copies.</summary>
    static readonly MethodInfo? CreateSymbolicLink =
        typeof(File).GetMethod("CreateSymbolicLink", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(string) }, null);

    static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The path of <paramref name="target"/> from <paramref name="folder"/>, with '/' (what os.path.relpath gives).</summary>
    static string Relative(string folder, string target)
    {
        var from = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var to = Path.GetFullPath(target).Split(Path.DirectorySeparatorChar);
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], StringComparison.Ordinal)) common++;
        var up = Enumerable.Repeat("..", from.Length - common);
        return string.Join(Path.DirectorySeparatorChar.ToString(), up.Concat(to.Skip(common)));
    }

    /// <summary>{folder}/{relative} for a '/'-separated relative path with no '.', '..' or empty segment.</summary>
    internal static string Inside(string folder, string relative)
    {
        var parts = relative.Split('/');
        if (parts.Any(p => p.Length == 0 || p == "." || p == ".." || p.IndexOf('\\') >= 0 || p.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            throw new HubException(HubErrorKind.InvalidArgument, $"'{relative}' cannot be a path in a local folder: it has an empty, '.' or '..' part or a character the file system refuses.");
        return Path.Combine(new[] { folder }.Concat(parts).ToArray());
    }

}
