using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>One local file bound for a repo path, with what the commit API needs to know about it.</summary>
public sealed class HubUploadFile
{
    const int SampleBytes = 512;

    HubUploadFile(string localPath, string repoPath, long size, string sha256, string gitSha1, byte[] sample)
    {
        LocalPath = localPath;
        RepoPath = repoPath;
        Size = size;
        Sha256 = sha256;
        GitSha1 = gitSha1;
        Sample = sample;
    }

    public string LocalPath { get; }
    public string RepoPath { get; }
    public long Size { get; }
    public string Sha256 { get; }

    /// <summary>The git blob id, which the Hub reports for a regular file already there.</summary>
    public string GitSha1 { get; }

    /// <summary>The first bytes, from which the Hub tells text from binary.</summary>
    internal byte[] Sample { get; }

    /// <summary>Reads the file once for its sha256, its git blob id and its sample.</summary>
    public static HubUploadFile Read(string localPath, string repoPath)
    {
        using var stream = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        var size = stream.Length;
        using var sha256 = SHA256.Create();
        using var sha1 = SHA1.Create();
        var header = Encoding.ASCII.GetBytes($"blob {size}\0");
        sha1.TransformBlock(header, 0, header.Length, null, 0);
        var buffer = new byte[81920];
        var sample = new List<byte>();
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha256.TransformBlock(buffer, 0, n, null, 0);
            sha1.TransformBlock(buffer, 0, n, null, 0);
            for (var i = 0; i < n && sample.Count < SampleBytes; i++) sample.Add(buffer[i]);
        }
        sha256.TransformFinalBlock(buffer, 0, 0);
        sha1.TransformFinalBlock(buffer, 0, 0);
        return new HubUploadFile(localPath, repoPath, size, Hex(sha256.Hash!), Hex(sha1.Hash!), sample.ToArray());
    }

    static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
}

/// <summary>What an upload did: the commit it made (none when nothing changed), the files sent and those left as they were.</summary>
public sealed class HubCommitResult
{
    public HubCommitResult(string? commitOid, string? commitUrl, IReadOnlyList<string> sent, IReadOnlyList<string> unchanged)
    {
        CommitOid = commitOid;
        CommitUrl = commitUrl;
        Sent = sent;
        Unchanged = unchanged;
    }

    public string? CommitOid { get; }
    public string? CommitUrl { get; }
    public IReadOnlyList<string> Sent { get; }
    public IReadOnlyList<string> Unchanged { get; }
}
