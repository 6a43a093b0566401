using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeHub;

public enum FakeRepoType { Model, Dataset, Space }

/// <summary>A model, dataset or (as <see cref="FakeSpace"/>) Space in the emulated catalogue.</summary>
public class FakeRepo
{
    public FakeRepo(FakeRepoType type, string id)
    {
        if (id.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            throw new ArgumentException($"'{id}' is not namespace/name", nameof(id));
        Type = type;
        Id = id;
        // Stable per id, so recorded expectations survive a restart of the emulator.
        var hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(type + ":" + id)));
        ObjectId = hash[..24];
        Sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("commit:" + hash)));
    }

    public static FakeRepo Model(string id) => new(FakeRepoType.Model, id);
    public static FakeRepo Dataset(string id) => new(FakeRepoType.Dataset, id);

    public FakeRepoType Type { get; }
    public string Id { get; }
    public string Author => Id[..Id.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The Mongo-style _id (24 hex).</summary>
    public string ObjectId { get; set; }

    /// <summary>The commit main (and HEAD) resolves to; also accepted as a revision.</summary>
    public string Sha { get; set; }

    public bool Private { get; set; }

    /// <summary>null (not gated), "auto" or "manual".</summary>
    public string? Gated { get; set; }

    /// <summary>Users allowed to read a gated repo's files (owners always are).</summary>
    public HashSet<string> GatedApprovedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Info answers 200 with disabled: true; files answer 403.</summary>
    public bool Disabled { get; set; }

    public List<string> Tags { get; } = [];
    public long Downloads { get; set; }
    public int Likes { get; set; }
    public int TrendingScore { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = new(2022, 3, 2, 23, 29, 4, TimeSpan.Zero);
    public DateTimeOffset LastModified { get; set; } = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);
    public JsonObject CardData { get; set; } = [];

    /// <summary>Models only.</summary>
    public string? PipelineTag { get; set; }

    /// <summary>Models only.</summary>
    public string? LibraryName { get; set; }

    /// <summary>Models only: the "config" field (config.json digest).</summary>
    public JsonObject? Config { get; set; }

    /// <summary>Datasets only.</summary>
    public string? Description { get; set; }

    public List<FakeFile> Files { get; } = [];

    public FakeRepo AddFile(string path, string text, bool lfs = false) => AddFile(path, Encoding.UTF8.GetBytes(text), lfs);

    public FakeRepo AddFile(string path, byte[] content, bool lfs = false)
    {
        Files.RemoveAll(f => f.Path == path);
        Files.Add(new FakeFile(path, content, lfs));
        return this;
    }

    public FakeFile? FindFile(string path) => Files.FirstOrDefault(f => f.Path == path);

    /// <summary>"models", "datasets" or "spaces": the API collection segment.</summary>
    internal string Collection => TypeSegment(Type);

    internal static string TypeSegment(FakeRepoType type) => type switch
    {
        FakeRepoType.Dataset => "datasets",
        FakeRepoType.Space => "spaces",
        _ => "models",
    };

    /// <summary>The word the Hub's messages use: "model", "dataset", "space".</summary>
    internal string Noun => Collection[..^1];
}
