using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// A Gradio app impersonated on 127.0.0.1 by Kestrel, speaking the wire protocol of one
/// <see cref="GradioProfile"/>. Start one per test; dispose it to stop it and delete its files.
/// </summary>
public sealed class FakeGradioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests;
    private readonly ServerContext _context;

    private FakeGradioServer(WebApplication app, ServerContext context, Uri baseUrl, string uploadDirectory, List<RecordedRequest> requests)
    {
        _app = app;
        _context = context;
        BaseUrl = baseUrl;
        UploadDirectory = uploadDirectory;
        _requests = requests;
    }

    /// <summary>"http://127.0.0.1:PORT/" + mount path + "/", always with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The most event streams seen reading one session's messages at once (a correct client: 1).</summary>
    public int MostStreamsPerSession => _context.Readers.Most;

    /// <summary>This instance's upload/cache folder (Gradio's /tmp/gradio); deleted on dispose.</summary>
    public string UploadDirectory { get; }

    public static async Task<FakeGradioServer> StartAsync(FakeGradioOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var uploadDirectory = Path.Combine(Path.GetTempPath(), "fake-gradio-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(uploadDirectory);
        var context = new ServerContext(options, uploadDirectory);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Gradio takes a body of any size at any pace: a client that builds a 1 GiB form in
            // memory before its first byte (@gradio/client) would fall below Kestrel's minimum rate.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            // never beyond loopback
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => { if (options.Https) listen.UseHttps(SelfSigned.Create()); });
        });
        var app = builder.Build();
        context.Stopping = app.Lifetime.ApplicationStopping;

        var mount = options.MountPath.Trim('/') is { Length: > 0 } sub ? "/" + sub : "";
        var requests = new List<RecordedRequest>();
        Configure(app, context, requests, mount);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri($"{(options.Https ? "https" : "http")}://127.0.0.1:{new Uri(address).Port}{mount}/");
        return new FakeGradioServer(app, context, baseUrl, uploadDirectory, requests);
    }

    /// <summary>Completes when the host shuts down (Ctrl+C or SIGTERM in program mode).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(UploadDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned up eventually.
        }
    }

    private static void Configure(WebApplication app, ServerContext server, List<RecordedRequest> requests, string mount)
    {
        app.Use(async (ctx, next) =>
        {
            var recorded = await RecordAsync(ctx);
            lock (requests) requests.Add(recorded);
            ctx.Response.Headers.Server = "uvicorn";
            await next(ctx);
        });
        app.Use((ctx, next) => ProxyGate.CheckAsync(ctx, next, server.Options));
        if (mount.Length > 0)
        {
            app.UsePathBase(mount);
            app.Use((ctx, next) => ctx.Request.PathBase.HasValue ? next(ctx) : Http.Detail(ctx, StatusCodes.Status404NotFound, "Not Found"));
        }
        app.Use((ctx, next) => FaultScope.SelectAsync(ctx, next, server.Options));
        app.Use((ctx, next) => FaultScope.Of(ctx).Has(FakeFaults.NotGradio)
            ? Http.Write(ctx, "<!doctype html><html><body><h1>404</h1><p>not a Gradio app</p></body></html>",
                StatusCodes.Status404NotFound, "text/html; charset=utf-8")
            : next(ctx));
        // FastAPI answers unknown routes and methods with a JSON detail, not an empty body.
        app.UseStatusCodePages(status => status.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Http.Detail(status.HttpContext, StatusCodes.Status404NotFound, "Not Found"),
            StatusCodes.Status405MethodNotAllowed => Http.Detail(status.HttpContext, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed"),
            _ => Task.CompletedTask,
        });
        app.UseWebSockets();
        app.Use(async (ctx, next) =>
        {
            if (!await FaultRoutes.TryServeAsync(ctx, server) && !await FileRoutes.TryServeAsync(ctx, server)) await next(ctx);
        });
        app.UseRouting();
        ConfigRoutes.Map(app, server);
        LoginRoutes.Map(app, server);
        QueueRoutes.Map(app, server);
        CallRoutes.Map(app, server);
        RunRoutes.Map(app, server);
        UploadRoutes.Map(app, server);
        LegacyWebSocketRoutes.Map(app, server);
        CallCountRoutes.Map(app, server);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? body = null;
        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
            body = await Http.ReadText(ctx);
            request.Body.Position = 0;
        }
        return new RecordedRequest(request.Method, request.PathBase + request.Path + request.QueryString, headers, body);
    }
}
