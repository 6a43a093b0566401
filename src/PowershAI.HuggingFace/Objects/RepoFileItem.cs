using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Objects;

/// <summary>One entry of Get-HuggingFaceRepoFile; its RepoId, RepoType, Revision and Path bind to Save-HuggingFaceFile by name.</summary>
public sealed class RepoFileItem
{
    internal RepoFileItem(string repoId, HubRepoType repoType, string revision, RepoFile file)
    {
        RepoId = repoId;
        RepoType = repoType;
        Revision = revision;
        Path = file.Path;
        Type = file.IsDirectory ? "directory" : "file";
        Size = file.Size;
        Lfs = file.IsLfs;
        BlobId = file.BlobId;
        Sha256 = file.Sha256;
    }

    public string RepoId { get; }
    public HubRepoType RepoType { get; }

    /// <summary>The revision the listing was asked for.</summary>
    public string Revision { get; }

    /// <summary>The path in the repo, with '/'.</summary>
    public string Path { get; }

    /// <summary>"file" or "directory".</summary>
    public string Type { get; }

    /// <summary>Bytes of content (for LFS files the real size).</summary>
    public long Size { get; }

    /// <summary>Stored with Git LFS (large files; downloaded from the CDN).</summary>
    public bool Lfs { get; }

    /// <summary>The git blob id (for LFS files, the pointer's).</summary>
    public string? BlobId { get; }

    /// <summary>The content's sha256, for LFS files.</summary>
    public string? Sha256 { get; }

    public override string ToString() => Path;
}
