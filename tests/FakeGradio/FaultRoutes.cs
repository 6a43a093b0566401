using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The faults that take a route over entirely (see <see cref="FakeFaults"/>): a middleware ahead
/// of the real routes, answering for the routes its scope's fault spoils and passing the rest on.
/// Every loop here ends by itself: after a byte count, a time limit, the client leaving or the
/// server stopping.
/// </summary>
internal static class FaultRoutes
{
    public const long DefaultStalledLength = 1L << 30;
    public const long DefaultEndlessLength = 10L << 30;
    public const long DefaultBombSize = 500_000_000;
    private const int StalledBytes = 10;
    private static readonly byte[] Zeros = new byte[64 * 1024];

    public static async Task<bool> TryServeAsync(HttpContext ctx, ServerContext server)
    {
        var scope = FaultScope.Of(ctx);
        var path = ctx.Request.Path.Value ?? "";
        if (scope.Faults == FakeFaults.None || !path.StartsWith(server.Prefix + "/", StringComparison.Ordinal)) return false;
        var route = Classify(path[server.Prefix.Length..], ctx.Request.Method);
        if (route == Route.Other) return false;
        var options = server.Options;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
        try
        {
            if (scope.Has(FakeFaults.RateLimited) && route is Route.Info or Route.Join or Route.CallSubmit
                && server.FaultCounters.AddOrUpdate(scope.Key + " " + route, 1, (_, n) => n + 1) <= scope.Count(options))
            {
                ctx.Response.Headers.RetryAfter = "1";
                await Http.Detail(ctx, StatusCodes.Status429TooManyRequests, "Too Many Requests");
                return true;
            }
            if (scope.Has(FakeFaults.EchoSecretsHttpError) && route is not (Route.Info or Route.AppId))
            {
                await Http.Write(ctx, "Traceback (most recent call last):\n  File \"gradio/routes.py\", line 1, in handler\n"
                    + $"ValueError: refused a request with {EchoedHeaders(ctx)}\n", StatusCodes.Status500InternalServerError, "text/plain; charset=utf-8");
                return true;
            }
            switch (route)
            {
                case Route.File when scope.Has(FakeFaults.StalledDownload):
                    await StallAsync(ctx, scope.Size(options, DefaultStalledLength), options.StallLimit, stop.Token);
                    return true;
                case Route.File when scope.Has(FakeFaults.EndlessDownload):
                    await EndlessAsync(ctx, scope.Size(options, DefaultEndlessLength), options.EndlessLimit, stop.Token);
                    return true;
                case Route.Info when scope.Has(FakeFaults.GzipBombInfo):
                    var bomb = GzipBomb.For(scope.Size(options, DefaultBombSize));
                    ctx.Response.Headers.ContentEncoding = "gzip";
                    ctx.Response.ContentType = "application/json";
                    ctx.Response.ContentLength = bomb.Length;
                    await ctx.Response.Body.WriteAsync(bomb, stop.Token);
                    return true;
                case Route.Join or Route.CallSubmit when scope.Has(FakeFaults.EndlessHeartbeats):
                    // Accepted, and never run: the app "hangs".
                    await Http.Json(ctx, new JsonObject { ["event_id"] = ServerContext.NewEventId() });
                    return true;
                case Route.QueueData or Route.CallStream when scope.Has(FakeFaults.EndlessHeartbeats):
                    var beat = route == Route.QueueData
                        ? QueueRoutes.DataLine(server, server.Messages.Heartbeat())
                        : CallRoutes.Event("heartbeat", null);
                    await HeartbeatsAsync(ctx, beat, options.HeartbeatInterval, options.EndlessLimit, stop.Token);
                    return true;
                case Route.Join or Route.CallSubmit when scope.Has(FakeFaults.SpaceAsleep):
                    await Http.Write(ctx, "<!doctype html><html><body><p>This Space is sleeping</p></body></html>",
                        StatusCodes.Status503ServiceUnavailable, "text/html; charset=utf-8");
                    return true;
                case Route.QueueData or Route.CallStream when scope.Has(FakeFaults.HtmlQueueData):
                    await Http.Write(ctx, "<!doctype html><html><head><title>Sign in</title></head><body><form method=\"post\">"
                        + "<input name=\"user\"><button>Sign in</button></form></body></html>", StatusCodes.Status200OK, "text/html; charset=utf-8");
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away, or the server is stopping.
            return true;
        }
    }

    /// <summary>The request's credentials, as a careless app would put them into an error.</summary>
    public static string EchoedHeaders(HttpContext ctx) =>
        $"Authorization: {ctx.Request.Headers.Authorization}; Cookie: {ctx.Request.Headers.Cookie}";

    /// <summary>Headers announcing <paramref name="length"/> bytes, ten of them, then silence until the limit, then a dropped connection.</summary>
    private static async Task StallAsync(HttpContext ctx, long length, TimeSpan limit, CancellationToken ct)
    {
        StartDownload(ctx, length);
        await ctx.Response.Body.WriteAsync(Zeros.AsMemory(0, StalledBytes), ct);
        await ctx.Response.Body.FlushAsync(ct);
        await Task.Delay(limit, ct);
        ctx.Abort();
    }

    /// <summary>Zeros without a length, until <paramref name="cap"/> bytes or the time limit.</summary>
    private static async Task EndlessAsync(HttpContext ctx, long cap, TimeSpan limit, CancellationToken ct)
    {
        StartDownload(ctx, length: null);
        var clock = Stopwatch.StartNew();
        for (long sent = 0; sent < cap && clock.Elapsed < limit; sent += Zeros.Length)
            await ctx.Response.Body.WriteAsync(Zeros.AsMemory(0, (int)Math.Min(Zeros.Length, cap - sent)), ct);
    }

    private static void StartDownload(HttpContext ctx, long? length)
    {
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = length;
        ctx.Response.Headers.ContentDisposition = "inline; filename=\"fault.bin\"";
        ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    /// <summary>One heartbeat per interval (at least 10 ms apart), until the time limit.</summary>
    private static async Task HeartbeatsAsync(HttpContext ctx, string beat, TimeSpan interval, TimeSpan limit, CancellationToken ct)
    {
        await Http.StartSse(ctx);
        var pause = interval > TimeSpan.FromMilliseconds(10) ? interval : TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            await Http.Sse(ctx, beat);
            await Task.Delay(pause, ct);
        }
    }

    private enum Route
    {
        Other,
        Info,
        AppId,
        File,
        Upload,
        Join,
        QueueData,
        CallSubmit,
        CallStream,
    }

    /// <summary>Which route a path under the API prefix is, by the methods the real routes take.</summary>
    private static Route Classify(string route, string method)
    {
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var post = HttpMethods.IsPost(method);
        if (route.StartsWith("/file=", StringComparison.Ordinal) || route.StartsWith("/file/", StringComparison.Ordinal))
            return get ? Route.File : Route.Other;
        if (route.StartsWith("/call/", StringComparison.Ordinal))
        {
            var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
            return segments == 2 && post ? Route.CallSubmit : segments == 3 && get ? Route.CallStream : Route.Other;
        }
        return route switch
        {
            "/info" when get => Route.Info,
            "/app_id" when get => Route.AppId,
            "/upload" when post => Route.Upload,
            "/queue/join" when post => Route.Join,
            "/queue/data" when get => Route.QueueData,
            _ => Route.Other,
        };
    }
}
