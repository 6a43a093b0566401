using System;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>The Retry-After header, given in seconds or as an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta) return delta;
        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
