using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// Starts fake servers on demand and stops them when the test class is done. One instance per
/// test class (IClassFixture), so classes running in parallel never share a server's queue.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    readonly ConcurrentDictionary<string, Lazy<Task<FakeGradioServer>>> _servers = new();

    /// <summary>The server for <paramref name="profile"/> (and a variant name when the options differ).</summary>
    public Task<FakeGradioServer> Get(GradioProfile profile, string variant = "", Action<FakeGradioOptions>? configure = null) =>
        _servers.GetOrAdd(profile + "/" + variant, _ => new Lazy<Task<FakeGradioServer>>(() => Start(profile, configure))).Value;

    public static async Task<FakeGradioServer> Start(GradioProfile profile, Action<FakeGradioOptions>? configure = null)
    {
        var options = T.Fast(profile);
        configure?.Invoke(options);
        var server = await FakeGradioServer.StartAsync(options);
        // Connections are pooled per root URL for the whole process: should the OS hand out a port
        // an earlier (stopped) server had, forget what was learnt about that one.
        var connection = GradioConnection.For(server.BaseUrl.AbsoluteUri);
        connection.LoggedIn = false;
        connection.Forget();
        return server;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _servers.Values)
        {
            try
            {
                await (await lazy.Value).DisposeAsync();
            }
            catch (Exception)
            {
                // A server that failed to start has nothing to stop.
            }
        }
    }
}

/// <summary>Small helpers shared by the tests.</summary>
static class T
{
    /// <summary>Every test runs under this bound, so a hang fails the test instead of blocking the run.</summary>
    public static CancellationTokenSource Deadline(int seconds = 30) => new(TimeSpan.FromSeconds(seconds));

    public static FakeGradioOptions Fast(GradioProfile profile) => new()
    {
        Profile = profile,
        StepDelay = TimeSpan.FromMilliseconds(10),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    };

    public static GradioClient Client(FakeGradioServer server, GradioClientOptions? options = null) =>
        Client(server.BaseUrl.AbsoluteUri, options);

    public static GradioClient Client(string url, GradioClientOptions? options = null) =>
        GradioClient.For(url, options ?? new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10) });

    public static string NewSession() => "t" + Guid.NewGuid().ToString("N").Substring(0, 12);

    /// <summary>Reads a job to its end (ReadAsync returning null) and returns every event.</summary>
    public static async Task<List<GradioEvent>> ReadAll(GradioJob job, CancellationToken ct)
    {
        var events = new List<GradioEvent>();
        while (await job.ReadAsync(ct) is { } e) events.Add(e);
        return events;
    }

    /// <summary>Reads until an event of <paramref name="kind"/>; fails when the job ends first.</summary>
    public static async Task<GradioEvent> ReadUntil(GradioJob job, GradioEventKind kind, CancellationToken ct, Func<GradioEvent, bool>? match = null)
    {
        while (await job.ReadAsync(ct) is { } e)
        {
            if (e.Kind == kind && (match == null || match(e))) return e;
            Assert.False(e.IsTerminal, $"The job ended ({e.Kind}: {e.Message}) before a {kind} event came.");
        }
        throw new Xunit.Sdk.XunitException($"The job ended before a {kind} event came.");
    }

    /// <summary>Submits, reads to the end, and returns all events (the last is the terminal one).</summary>
    public static async Task<List<GradioEvent>> Run(GradioClient client, string api, object?[] args, CancellationToken ct, CallOptions? options = null)
    {
        var job = await GradioCaller.SubmitAsync(client, api, args, options, ct);
        var events = await ReadAll(job, ct);
        Assert.NotEmpty(events);
        Assert.True(events[events.Count - 1].IsTerminal, "The last event of a job is Complete or Error.");
        Assert.Equal(1, events.Count(e => e.IsTerminal));
        return events;
    }

    /// <summary>The outputs of a job that must complete.</summary>
    public static async Task<JsonArray> Result(GradioClient client, string api, object?[] args, CancellationToken ct, CallOptions? options = null)
    {
        var events = await Run(client, api, args, ct, options);
        var last = events[events.Count - 1];
        Assert.True(last.Kind == GradioEventKind.Complete, $"Expected Complete, got {last.Kind}: {last.Message}");
        Assert.False(last.Cancelled);
        return Assert.IsType<JsonArray>(last.Data);
    }

    public static GradioEvent Terminal(IReadOnlyList<GradioEvent> events) => events.Single(e => e.IsTerminal);

    public static List<string?> Generated(IEnumerable<GradioEvent> events, int output = 0) =>
        events.Where(e => e.Kind == GradioEventKind.Generating).Select(e => e.Data![output]?.ToJsonString()).ToList();

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    /// <summary>The recorded requests whose path (without query) ends with <paramref name="tail"/>.</summary>
    public static List<RecordedRequest> Requests(FakeGradioServer server, string method, string tail) =>
        server.Requests.Where(r => r.Method == method && r.PathAndQuery.Split('?')[0].EndsWith(tail, StringComparison.Ordinal)).ToList();

    /// <summary>The JSON bodies of POSTs to <paramref name="tail"/> that carry <paramref name="session"/>.</summary>
    public static List<JsonObject> Bodies(FakeGradioServer server, string tail, string? session = null) =>
        Requests(server, "POST", tail).Select(r => JsonNode.Parse(r.Body ?? "null") as JsonObject).OfType<JsonObject>()
            .Where(b => session == null || b["session_hash"]?.ToString() == session).ToList();

    /// <summary>A port nothing listens on.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string Prefix(GradioProfile p) => p >= GradioProfile.V5 ? "/gradio_api" : "";
}
