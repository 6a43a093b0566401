using System;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Turns what a user types into the app's root URL and joins routes onto it.</summary>
public static class GradioUrl
{
    const string Prefix5 = "gradio_api/";

    /// <summary>
    /// The app root with a trailing slash. A URL given with the 5.x API prefix
    /// (".../gradio_api") or a route already on it (".../info", ".../config") is cut back
    /// to the root, so PowershAI's RealAppUrl values work as input too.
    /// </summary>
    public static Uri NormalizeRoot(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new GradioException(GradioErrorKind.InvalidArguments, "The app URL is empty.");
        var text = url.Trim();
        if (!text.Contains("://")) text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new GradioException(GradioErrorKind.InvalidArguments, $"'{url}' is not an http(s) URL.", target: url);

        var path = uri.AbsolutePath;
        if (!path.EndsWith("/", StringComparison.Ordinal)) path += "/";
        foreach (var tail in new[] { "info/", "config/" })
            if (path.EndsWith("/" + tail, StringComparison.Ordinal)) path = path.Substring(0, path.Length - tail.Length);
        if (path.EndsWith("/" + Prefix5, StringComparison.Ordinal)) path = path.Substring(0, path.Length - Prefix5.Length);

        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path) { Query = "" }.Uri;
    }

    /// <summary>Joins a relative route onto a base that ends with a slash.</summary>
    public static Uri Join(Uri baseUrl, string relative) => new(baseUrl, relative.TrimStart('/'));

    /// <summary>
    /// The URL the API routes hang from: the root plus the 5.x prefix, with a trailing slash. The
    /// prefix is the app's word (its /config), so one that leads to another origin (an absolute
    /// URL, a "\\host" path) is refused: every request there would carry the app's token and login.
    /// </summary>
    public static Uri Prefixed(Uri root, string apiPrefix)
    {
        var p = (apiPrefix ?? "").Trim('/');
        if (p.Length == 0) return root;
        if (Uri.TryCreate(root, p + "/", out var url) && TokenScope.SameOrigin(url, root)) return url;
        var quoted = JsonValue.Create(p.Length > 100 ? p.Substring(0, 100) + "…" : p).ToJsonString();
        throw new GradioException(GradioErrorKind.MalformedResponse,
            $"The app's /config gives the API prefix {quoted}, which leads away from {root}: refused, so that nothing meant for the app (its token, its login) goes elsewhere.",
            target: root.ToString());
    }

    /// <summary>A ws:// or wss:// URL for the same route (Gradio 3.x queue).</summary>
    public static Uri ToWebSocket(Uri http)
    {
        var b = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return b.Uri;
    }
}
