using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// What is shared by everything that talks to one app as one user: one HttpClient (so
/// connections and the login cookies are reused) and the cached app description. Pooled by
/// <see cref="ConnectionPool"/> per app root and credential.
/// </summary>
public sealed class GradioConnection
{
    readonly SemaphoreSlim _infoLock = new(1, 1);
    AppInfo? _info;

    internal GradioConnection(Uri root, ConnectionSettings settings, HttpMessageHandler? handler = null)
    {
        Root = root;
        Cookies = new CookieContainer();
        // GradioClient.SendRawAsync follows redirects itself, so a hop to another host goes without the app's secrets.
        var http = handler == null ? HttpClients.Create(Cookies, followRedirects: false, settings) : HttpClients.Create(handler);
        Sender = new HttpSender(http, ClientState.Current.Secrets, settings);
    }

    /// <summary>The pooled connection for the app at <paramref name="url"/> (normalised to its root), without a login, with the default settings.</summary>
    public static GradioConnection For(string url) => ClientState.Current.Connections.For(GradioUrl.NormalizeRoot(url), null, ConnectionSettings.Default);

    /// <summary>A connection outside the pool, over a caller's handler (tests).</summary>
    public static GradioConnection CreateUnpooled(Uri root, HttpMessageHandler handler) => new(root, ConnectionSettings.Default, handler);

    public Uri Root { get; }

    /// <summary>How this connection reaches the app (certificate check, proxy, headers).</summary>
    public ConnectionSettings Settings => Sender.Settings;

    internal HttpSender Sender { get; }

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
