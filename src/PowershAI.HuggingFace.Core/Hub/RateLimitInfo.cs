using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The Hub's rate-limit headers (IETF draft: RateLimit: "api";r=0;t=55 and
/// RateLimit-Policy: "fixed window";"api";q=500;w=300) and a Retry-After, read at one moment.
/// </summary>
public sealed class RateLimitInfo
{
    static readonly Regex LimitPattern = new(@"""?(\w+)""?\s*;\s*r\s*=\s*(\d+)\s*;\s*t\s*=\s*(\d+)", RegexOptions.CultureInvariant);
    static readonly Regex PolicyPattern = new(@"q\s*=\s*(\d+).*?w\s*=\s*(\d+)", RegexOptions.CultureInvariant);

    /// <summary>"api", "resolvers" or "pages".</summary>
    public string? Bucket { get; private set; }

    /// <summary>Requests left in the current window.</summary>
    public int? Remaining { get; private set; }

    /// <summary>Time until the window resets (t=).</summary>
    public TimeSpan? ResetsIn { get; private set; }

    /// <summary>When the window resets, from the moment the answer was read.</summary>
    public DateTimeOffset? ResetsAt { get; private set; }

    /// <summary>Requests allowed per window (q=).</summary>
    public int? Quota { get; private set; }

    /// <summary>The window's length (w=).</summary>
    public TimeSpan? Window { get; private set; }

    /// <summary>Retry-After, as seconds or as an HTTP date.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>How long the server asks a client to wait: the longer of Retry-After and, when nothing is left, the reset.</summary>
    public TimeSpan? SuggestedWait
    {
        get
        {
            var reset = Remaining == 0 ? ResetsIn : null;
            if (RetryAfter is { } after && reset is { } r) return after > r ? after : r;
            return RetryAfter ?? reset;
        }
    }

    /// <summary>The headers of <paramref name="response"/>; null when it has none of them.</summary>
    public static RateLimitInfo? From(HttpResponseMessage response)
    {
        var now = DateTimeOffset.UtcNow;
        var info = new RateLimitInfo();
        var found = false;
        if (Header(response, "RateLimit") is { } limit && LimitPattern.Match(limit) is { Success: true } m)
        {
            info.Bucket = m.Groups[1].Value;
            info.Remaining = Number(m.Groups[2].Value);
            info.ResetsIn = TimeSpan.FromSeconds(Number(m.Groups[3].Value));
            info.ResetsAt = now + info.ResetsIn;
            found = true;
        }
        if (Header(response, "RateLimit-Policy") is { } policy && PolicyPattern.Match(policy) is { Success: true } p)
        {
            info.Quota = Number(p.Groups[1].Value);
            info.Window = TimeSpan.FromSeconds(Number(p.Groups[2].Value));
            found = true;
        }
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta) info.RetryAfter = delta;
        else if (retry?.Date is { } date) info.RetryAfter = date > now ? date - now : TimeSpan.Zero;
        found |= info.RetryAfter != null;
        return found ? info : null;
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values.ToArray()) : null;

    static int Number(string digits) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
