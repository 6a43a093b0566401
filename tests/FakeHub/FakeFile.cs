using System;
using System.Security.Cryptography;
using System.Text;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>A file in a repo. LFS files are served by a 302 to the CDN; regular ones directly.</summary>
public sealed class FakeFile
{
    public FakeFile(string path, byte[] content, bool lfs = false)
    {
        Path = path;
        Content = content;
        Lfs = lfs;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Pointer = Encoding.UTF8.GetBytes($"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256}\nsize {content.Length}\n");
        // git stores an LFS file as its pointer, so the blob id of an LFS file is the pointer's.
        BlobId = GitBlobId(lfs ? Pointer : content);
    }

    public string Path { get; }
    public byte[] Content { get; }
    public bool Lfs { get; }

    /// <summary>The git blob sha1: the ETag of a regular file, sibling blobId.</summary>
    public string BlobId { get; }

    /// <summary>sha256 of the content: X-Linked-Etag of an LFS file.</summary>
    public string Sha256 { get; }

    /// <summary>The LFS pointer text that /raw/ returns for an LFS file.</summary>
    public byte[] Pointer { get; }

    private static string GitBlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var all = new byte[header.Length + content.Length];
        header.CopyTo(all, 0);
        content.CopyTo(all, header.Length);
        return Convert.ToHexStringLower(SHA1.HashData(all));
    }
}
