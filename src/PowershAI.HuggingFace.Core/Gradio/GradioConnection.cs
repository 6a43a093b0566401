using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// What is shared by everything that talks to one app: one HttpClient (so connections and the
/// login cookies are reused) and the cached app description. One per app root, process-wide.
/// </summary>
public sealed class GradioConnection
{
    static readonly ConcurrentDictionary<string, GradioConnection> Pool = new(StringComparer.OrdinalIgnoreCase);

    readonly SemaphoreSlim _infoLock = new(1, 1);
    AppInfo? _info;

    GradioConnection(Uri root, HttpMessageHandler? handler)
    {
        Root = root;
        Cookies = new CookieContainer();
        handler ??= new HttpClientHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = true,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        Http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("PowershAI.HuggingFace/" + typeof(GradioConnection).Assembly.GetName().Version);
    }

    /// <summary>The shared connection for the app at <paramref name="url"/> (normalised to its root).</summary>
    public static GradioConnection For(string url) => For(GradioUrl.NormalizeRoot(url));

    public static GradioConnection For(Uri root) => Pool.GetOrAdd(root.AbsoluteUri, _ => new GradioConnection(root, null));

    /// <summary>
    /// The pooled connection whose app holds <paramref name="url"/> (the longest root it starts
    /// with), so a raw request carries that app's login; else the connection of its host.
    /// </summary>
    public static GradioConnection ForUrl(Uri url)
    {
        var text = url.AbsoluteUri;
        var owner = Pool.Values.Where(c => text.StartsWith(c.Root.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Root.AbsoluteUri.Length).FirstOrDefault();
        return owner ?? For(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>A connection outside the pool, over a caller's handler (tests).</summary>
    public static GradioConnection CreateUnpooled(Uri root, HttpMessageHandler handler) => new(root, handler);

    public Uri Root { get; }

    internal HttpClient Http { get; }

    internal CookieContainer Cookies { get; }

    /// <summary>Whether a Gradio login succeeded on this connection.</summary>
    public bool LoggedIn { get; internal set; }

    /// <summary>The app description, read once and cached until <paramref name="refresh"/>.</summary>
    internal async Task<AppInfo> GetAppInfoAsync(GradioClient client, bool refresh, CancellationToken ct)
    {
        if (!refresh && _info != null) return _info;
        await _infoLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (refresh || _info == null) _info = await AppDiscovery.DiscoverAsync(client, ct).ConfigureAwait(false);
            return _info;
        }
        finally
        {
            _infoLock.Release();
        }
    }

    internal void Forget() => _info = null;
}
