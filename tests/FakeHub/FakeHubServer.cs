using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// The Hugging Face Hub impersonated on 127.0.0.1 by Kestrel, with its CDN on a second port reached as
/// "localhost". Start one per test (or per Pester run); dispose it to stop it.
/// </summary>
public sealed class FakeHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerState _state;
    private readonly List<RecordedRequest> _requests;

    private FakeHubServer(WebApplication app, ServerState state, List<RecordedRequest> requests, int port)
    {
        _app = app;
        _state = state;
        _requests = requests;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        CdnBaseUrl = new Uri(state.CdnOrigin + "/");
    }

    /// <summary>http://127.0.0.1:PORT/ — what HF_ENDPOINT is set to.</summary>
    public Uri BaseUrl { get; }

    /// <summary>http://localhost:CDNPORT/ — where LFS downloads are redirected.</summary>
    public Uri CdnBaseUrl { get; }

    /// <summary>Every request received so far, on either host, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The catalogue being served (seeded repos and the options' own).</summary>
    public IReadOnlyList<FakeRepo> Repos => _state.Catalogue.Repos;

    public static async Task<FakeHubServer> StartAsync(FakeHubOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new ServerState(options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        ListenOptions? hub = null, cdn = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Never beyond loopback. "localhost" resolves to 127.0.0.1 too, so the CDN is a second host name on the same interface.
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => hub = listen);
            kestrel.Listen(IPAddress.Loopback, options.CdnPort, listen => cdn = listen);
        });
        var app = builder.Build();
        state.Stopping = app.Lifetime.ApplicationStopping;
        var requests = new List<RecordedRequest>();
        Configure(app, state, requests);
        await app.StartAsync(ct);

        // Kestrel writes the bound port back into the listen options when it was 0.
        state.CdnPort = ((IPEndPoint)cdn!.EndPoint).Port;
        return new FakeHubServer(app, state, requests, ((IPEndPoint)hub!.EndPoint).Port);
    }

    /// <summary>Makes the Space's `host` a local Gradio server (how tests chain Get-HfSpace to a Gradio session).</summary>
    public void SetGradioHost(string spaceId, Uri gradioUrl)
    {
        ArgumentNullException.ThrowIfNull(gradioUrl);
        var space = _state.Catalogue.Space(spaceId);
        lock (_state.Catalogue.Gate) space.Host = gradioUrl;
    }

    /// <summary>Forces a stage (e.g. BUILD_ERROR, RUNTIME_ERROR with a message, SLEEPING), dropping pending steps.</summary>
    public void SetStage(string spaceId, string stage, string? errorMessage = null)
    {
        var space = _state.Catalogue.Space(spaceId);
        lock (_state.Catalogue.Gate) SpaceLifecycle.Set(space, stage, errorMessage);
    }

    /// <summary>Completes when the host shuts down (Ctrl+C or SIGTERM in program mode).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Configure(WebApplication app, ServerState state, List<RecordedRequest> requests)
    {
        app.Use(async (ctx, next) =>
        {
            var recorded = await RecordAsync(ctx);
            lock (requests) requests.Add(recorded);
            ctx.Response.Headers["X-Request-Id"] = Http.NewRequestId();
            await next(ctx);
        });
        app.Run(async ctx =>
        {
            if (ctx.Connection.LocalPort == state.CdnPort)
            {
                await CdnRoutes.HandleAsync(ctx, state);
                return;
            }
            var call = new HubCall(ctx, state);
            if (call.Segments is [ControlRoutes.Prefix, ..])
            {
                await ControlRoutes.HandleAsync(call);
                return;
            }
            if (!await state.RateLimiter.AdmitAsync(call)) return;
            if (TakeStall(state.Options, ctx.Request.Method, call.Segments) is { } stall)
            {
                try
                {
                    await Task.Delay(stall, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;   // the client gave up waiting
                }
            }
            if (TakeInjected(state.Options) is { } status)
            {
                await Http.Error(ctx, status, status switch
                {
                    500 => "Internal Error - We're working hard to fix this as soon as possible!",
                    502 => "Bad Gateway",
                    503 => "Service Unavailable",
                    504 => "Gateway Timeout",
                    _ => $"Injected status {status}",
                });
                return;
            }
            // A bad token is refused even where no token is needed; Space hosts are apps, not the Hub.
            if (call.InvalidToken && call.Segments is not ["spaces-host", ..])
            {
                await Http.Error(ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidCredentials);
                return;
            }
            await Router.DispatchAsync(call);
        });
    }

    private static TimeSpan? TakeStall(FakeHubOptions options, string method, string[] segments)
    {
        if (!segments.Contains("resolve")) return null;
        lock (options.InjectStalls)
        {
            if (!options.InjectStalls.TryPeek(out var next) || !next.Method.Equals(method, StringComparison.OrdinalIgnoreCase)) return null;
            options.InjectStalls.Dequeue();
            return next.Delay;
        }
    }

    private static int? TakeInjected(FakeHubOptions options)
    {
        lock (options.InjectStatuses) return options.InjectStatuses.TryDequeue(out var status) ? status : null;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
            body = await Http.ReadText(ctx);
            request.Body.Position = 0;
        }
        return new RecordedRequest(request.Host.Value ?? "", request.Method, request.PathBase + request.Path + request.QueryString, headers, body);
    }
}
