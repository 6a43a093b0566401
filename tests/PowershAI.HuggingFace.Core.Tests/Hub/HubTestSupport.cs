using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

/// <summary>Helpers for the Hub tests: one emulator per test (they count its requests and change its state), fast clients.</summary>
static class H
{
    public static CancellationTokenSource Deadline(int seconds = 30) => new(TimeSpan.FromSeconds(seconds));

    public static Task<FakeHubServer> Start(Action<FakeHubOptions>? configure = null)
    {
        var options = new FakeHubOptions { ChatTokenDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return FakeHubServer.StartAsync(options);
    }

    /// <summary>A client for <paramref name="hub"/>: anonymous unless a token is given, short backoff and polls.</summary>
    public static HubClient Client(FakeHubServer hub, string? token = null, Action<HubClientOptions>? configure = null)
    {
        var options = new HubClientOptions
        {
            Endpoint = hub.BaseUrl,
            Router = new Uri(hub.BaseUrl, "v1"),
            Token = token == null ? HubToken.Anonymous : Token(token),
            Timeout = TimeSpan.FromSeconds(10),
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
            SpacePollInterval = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new HubClient(options);
    }

    public static HubToken Token(string value) =>
        HubToken.FromSecureString(new NetworkCredential("", value).SecurePassword, TokenOrigin.Parameter, "the -Token parameter");

    /// <summary>Requests to the Hub host (not the CDN) whose path starts with <paramref name="path"/>.</summary>
    public static List<RecordedRequest> To(FakeHubServer hub, string path) =>
        hub.Requests.Where(r => r.Host == hub.BaseUrl.Authority && r.PathAndQuery.StartsWith(path, StringComparison.Ordinal)).ToList();

    public static string? Authorization(RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var value) ? value : null;

    /// <summary>The first <paramref name="count"/> items, leaving the rest unread (the enumerator is disposed).</summary>
    public static async Task<List<T>> First<T>(IAsyncEnumerable<T> source, int count, CancellationToken ct)
    {
        var items = new List<T>();
        if (count <= 0) return items;
        await foreach (var item in source.WithCancellation(ct))
        {
            items.Add(item);
            if (items.Count == count) break;
        }
        return items;
    }

    public static Task<List<T>> All<T>(IAsyncEnumerable<T> source, CancellationToken ct) => First(source, int.MaxValue, ct);

    /// <summary>Polls <paramref name="condition"/> until it holds (or the token ends).</summary>
    public static async Task Until(Func<bool> condition, CancellationToken ct)
    {
        while (!condition()) await Task.Delay(10, ct);
    }
}

/// <summary>An IProgress that records synchronously, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
sealed class Recorder<T> : IProgress<T>
{
    readonly List<T> _items = new();

    public void Report(T value)
    {
        lock (_items) _items.Add(value);
    }

    public List<T> Items
    {
        get { lock (_items) return _items.ToList(); }
    }
}
