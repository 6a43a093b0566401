using System;
using System.Collections.Concurrent;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The one rule for which URLs may carry the Hub token: the Hub endpoint, the inference router, and
/// the host of a Space as the Hub API itself reported it (its `host`); nothing else, compared by
/// origin (scheme, host and port). The Gradio side asks <see cref="MayReceiveToken"/> before sending
/// the token to a *.hf.space app.
/// </summary>
public static class TokenScope
{
    static ConcurrentDictionary<string, byte> SpaceHosts => ClientState.Current.Hub.SpaceHosts;

    /// <summary>Whether <paramref name="url"/> may receive the token, for the configured endpoints.</summary>
    public static bool MayReceiveToken(Uri url) => Allows(url, HubEndpoint.Current, HubEndpoint.Router);

    internal static bool Allows(Uri url, Uri hub, Uri router) =>
        url.IsAbsoluteUri && (SameOrigin(url, hub) || SameOrigin(url, router) || SpaceHosts.ContainsKey(Origin(url)));

    /// <summary>Records a Space host read from a Hub answer.</summary>
    internal static void AddSpaceHost(Uri host)
    {
        if (host.IsAbsoluteUri && (host.Scheme == Uri.UriSchemeHttps || host.Scheme == Uri.UriSchemeHttp))
            SpaceHosts.TryAdd(Origin(host), 0);
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && b.IsAbsoluteUri && string.Equals(Origin(a), Origin(b), StringComparison.OrdinalIgnoreCase);

    static string Origin(Uri url) => url.Scheme + "://" + url.IdnHost + ":" + url.Port;
}
