using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Fixed-window counters per caller and bucket (docs/hub-api.md §4.3). Every Hub response carries RateLimit and
/// RateLimit-Policy; an exhausted (or forced) quota answers 429 with r=0.
/// </summary>
internal sealed class RateLimiter
{
    private readonly FakeHubOptions _hub;
    private readonly Dictionary<(string Caller, string Bucket), (DateTimeOffset Start, int Used)> _windows = [];

    public RateLimiter(FakeHubOptions hub) => _hub = hub;

    // Read on every request, so a test may swap FakeHubOptions.RateLimit while the server runs.
    private RateLimitOptions Limits => _hub.RateLimit;

    public static string Bucket(HubCall call) => call.Segments switch
    {
        ["api", ..] or ["v1", ..] => "api",
        [_, _, "resolve" or "raw", ..] or ["datasets" or "spaces", _, _, "resolve" or "raw", ..] => "resolvers",
        _ => "pages",
    };

    /// <summary>Counts the request and writes the headers; answers the 429 and returns false when over quota.</summary>
    public async Task<bool> AdmitAsync(HubCall call)
    {
        var bucket = Bucket(call);
        var user = call.User is not null;
        var caller = user ? "user:" + call.User!.Name : "ip:" + call.Ctx.Connection.RemoteIpAddress;
        var quota = bucket switch
        {
            "api" => user ? Limits.UserApiQuota : Limits.AnonymousApiQuota,
            "resolvers" => user ? Limits.UserResolverQuota : Limits.AnonymousResolverQuota,
            _ => user ? Limits.UserPagesQuota : Limits.AnonymousPagesQuota,
        };
        var window = (int)Math.Ceiling(Limits.Window.TotalSeconds);
        var headers = call.Ctx.Response.Headers;
        headers["RateLimit-Policy"] = $"\"fixed window\";\"{bucket}\";q={quota};w={window}";

        if (Limits.TakeForced())
        {
            var wait = Limits.ForcedRetryAfterSeconds;
            headers["RateLimit"] = $"\"{bucket}\";r=0;t={wait}";
            headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await TooMany(call, bucket, wait);
            return false;
        }

        int remaining, reset;
        lock (_windows)
        {
            var now = DateTimeOffset.UtcNow;
            var key = (caller, bucket);
            if (!_windows.TryGetValue(key, out var state) || now - state.Start >= Limits.Window) state = (now, 0);
            reset = Math.Max(0, (int)Math.Ceiling((state.Start + Limits.Window - now).TotalSeconds));
            if (state.Used < quota) state.Used++;
            else reset = -reset - 1; // over quota: signalled by a negative value, not counted
            _windows[key] = state;
            remaining = quota - state.Used;
        }
        if (reset < 0)
        {
            var wait = -reset - 1;
            headers["RateLimit"] = $"\"{bucket}\";r=0;t={wait}";
            if (Limits.RetryAfterSeconds is { } retry) headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            await TooMany(call, bucket, wait);
            return false;
        }
        headers["RateLimit"] = $"\"{bucket}\";r={remaining};t={reset}";
        return true;
    }

    private static Task TooMany(HubCall call, string bucket, int wait) =>
        Http.Error(call.Ctx, StatusCodes.Status429TooManyRequests,
            $"You have exceeded our rate limit for '{bucket}' requests. Retry after {wait} seconds.");
}
