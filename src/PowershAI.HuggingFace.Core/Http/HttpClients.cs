using System.Net;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>The one place that builds the module's HttpClients: no client-side timeout (each send has its own), decompression, the user agent.</summary>
public static class HttpClients
{
    public static string UserAgent { get; } = "PowershAI.HuggingFace/" + typeof(HttpClients).Assembly.GetName().Version;

    /// <summary>A client over a new handler; <paramref name="cookies"/> null sends no cookies, <paramref name="followRedirects"/> false leaves redirects to the caller.</summary>
    public static HttpClient Create(CookieContainer? cookies, bool followRedirects) => Create(Handler(cookies, followRedirects));

    /// <summary>A client that follows at most <paramref name="maxRedirects"/> redirects (0: none) and returns the redirect after them as the answer.</summary>
    public static HttpClient Create(CookieContainer? cookies, int maxRedirects)
    {
        var handler = Handler(cookies, maxRedirects > 0);
        if (maxRedirects > 0) handler.MaxAutomaticRedirections = maxRedirects;
        return Create(handler);
    }

    static HttpClientHandler Handler(CookieContainer? cookies, bool followRedirects) => new()
    {
        CookieContainer = cookies ?? new CookieContainer(),
        UseCookies = cookies != null,
        AllowAutoRedirect = followRedirects,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    };

    /// <summary>A client over a caller's handler (tests).</summary>
    public static HttpClient Create(HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }
}
