using System;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// When <see cref="HttpSender"/> sends a request again. A 429 is always worth another try (the
/// server refused before doing anything); 408, 5xx and a lost connection only for GET and HEAD,
/// and only when <see cref="RetryServerErrors"/> says so. The wait is what the server asked for
/// (<see cref="SuggestedWait"/>, Retry-After by default) or an exponential backoff with jitter;
/// a server asking for longer than <see cref="MaxWait"/> is not waited for.
/// </summary>
public sealed class RetryPolicy
{
    static readonly Random Jitter = new();

    public int MaxAttempts { get; set; } = 3;

    public bool RetryServerErrors { get; set; }

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the answer asks a client to wait; Retry-After unless a client knows better (the Hub's RateLimit).</summary>
    public Func<HttpResponseMessage, TimeSpan?> SuggestedWait { get; set; } = RetryAfter.Of;

    internal bool Retries(HttpMethod method, int status) =>
        status == 429 || (RetryServerErrors && Idempotent(method) && status is 408 or 500 or 502 or 503 or 504);

    internal bool RetriesFailure(HttpMethod method, TransportFailureKind kind) =>
        RetryServerErrors && Idempotent(method) && kind is TransportFailureKind.Unreachable or TransportFailureKind.Timeout;

    internal TimeSpan Backoff(int attempt)
    {
        var initial = InitialBackoff.TotalMilliseconds;
        var ms = Math.Min(initial * Math.Pow(2, attempt - 1), Math.Max(initial, MaxBackoff.TotalMilliseconds));
        double factor;
        lock (Jitter) factor = 0.75 + Jitter.NextDouble() / 2; // ±25 %, so clients that failed together do not retry together
        return TimeSpan.FromMilliseconds(ms * factor);
    }

    static bool Idempotent(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;
}
