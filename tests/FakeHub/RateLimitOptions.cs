using System;
using System.Threading;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Fixed-window quotas per token (or per IP when anonymous) for the Hub's buckets: "api" (/api/*, the router),
/// "resolvers" (/resolve/, /raw/) and "pages" (everything else). Defaults are the real free-tier numbers.
/// </summary>
public sealed class RateLimitOptions
{
    private int _forced;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
    public int AnonymousApiQuota { get; set; } = 500;
    public int UserApiQuota { get; set; } = 1000;
    public int AnonymousResolverQuota { get; set; } = 3000;
    public int UserResolverQuota { get; set; } = 5000;
    public int AnonymousPagesQuota { get; set; } = 100;
    public int UserPagesQuota { get; set; } = 200;

    /// <summary>The real Hub sends no Retry-After when a quota runs out; set this to add one.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Retry-After and the RateLimit t= of forced 429s, kept short so retrying tests stay fast.</summary>
    public int ForcedRetryAfterSeconds { get; set; } = 1;

    /// <summary>Makes the next <paramref name="count"/> requests answer 429 (r=0, Retry-After) whatever the counters say.</summary>
    public void ForceNext(int count) => Interlocked.Add(ref _forced, count);

    internal bool TakeForced()
    {
        while (true)
        {
            var current = Volatile.Read(ref _forced);
            if (current <= 0) return false;
            if (Interlocked.CompareExchange(ref _forced, current - 1, current) == current) return true;
        }
    }
}
