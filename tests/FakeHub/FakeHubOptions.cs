using System;
using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>How the CDN answers a Range request (docs/hub-api.md §6.6).</summary>
public enum CdnRangeMode
{
    /// <summary>206 with Content-Range, or 416 when the range starts past the end.</summary>
    Honour,
    /// <summary>200 with the whole file, as a CDN that ignores Range.</summary>
    Ignore,
    /// <summary>416 for every ranged request.</summary>
    NotSatisfiable,
}

/// <summary>How a <see cref="FakeHubServer"/> behaves: accounts, catalogue, limits and injected faults.</summary>
public sealed class FakeHubOptions
{
    public const string AliceToken = "hf_alicetoken000000000000000000000000";
    public const string BobToken = "hf_readonly00000000000000000000000000";

    public FakeHubOptions()
    {
        var alice = new FakeUser("alice", AliceToken, "write") { Fullname = "Alice Example", Email = "alice@example.com" };
        alice.Orgs.AddRange(["owner", "acme"]);
        var bob = new FakeUser("bob", BobToken, "read") { Fullname = "Bob Reader", Email = "bob@example.com", TokenName = "read-only" };
        Users.AddRange([alice, bob]);
    }

    /// <summary>0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>0 = any free port. The CDN is reached as "localhost", the Hub as 127.0.0.1, so they are different hosts.</summary>
    public int CdnPort { get; set; }

    /// <summary>Known tokens. By default alice (write; member of the orgs "owner" and "acme") and bob (read).</summary>
    public List<FakeUser> Users { get; } = [];

    /// <summary>Repos added to (or replacing, by id) the default catalogue.</summary>
    public List<FakeRepo> Repos { get; } = [];

    /// <summary>Listing page size when limit is omitted, and the largest one accepted (default 1000).</summary>
    public int? PageSizeCap { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The next responses answer these statuses (e.g. 500/502/503/504), one per request, before routing.</summary>
    public Queue<int> InjectStatuses { get; } = new();

    /// <summary>
    /// The next file request (a /resolve/ path) with this method waits this long before it is answered,
    /// one per request: a stalled metadata request (HEAD) or download (GET).
    /// </summary>
    public Queue<(string Method, TimeSpan Delay)> InjectStalls { get; } = new();

    /// <summary>Adds the default catalogue (see Seed.cs): 30 models, datasets, and Spaces in every stage.</summary>
    public bool SeedDefaults { get; set; } = true;

    public CdnRangeMode CdnRange { get; set; } = CdnRangeMode.Honour;

    /// <summary>Anonymous not-found 401s also carry X-Error-Code: RepoNotFound (older traces do; a 2026 probe saw none).</summary>
    public bool AnonymousNotFoundErrorCode { get; set; }

    /// <summary>Old id -> current id: the API and resolve routes answer 307 with a relative Location.</summary>
    public Dictionary<string, string> Renames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>LFS uploads of more bytes than this are asked for in parts (multipart, docs/hub-api.md §1.10); null = never.</summary>
    public long? MultipartThreshold { get; set; }

    /// <summary>The part size (chunk_size) of a multipart LFS upload.</summary>
    public long MultipartChunkSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>Pause between streamed chat completion chunks.</summary>
    public TimeSpan ChatTokenDelay { get; set; } = TimeSpan.FromMilliseconds(20);
}
