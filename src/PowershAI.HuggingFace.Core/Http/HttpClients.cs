using System;
using System.Net;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>The one place that builds the module's HttpClients: no client-side timeout (each send has its own), decompression, the user agent.</summary>
public static class HttpClients
{
    public static string UserAgent { get; } = "PowershAI.HuggingFace/" + typeof(HttpClients).Assembly.GetName().Version;

    // Brotli is not in netstandard2.0's enum; the runtimes that can decompress it (.NET Core 3+) define it.
    static readonly DecompressionMethods Decompression = DecompressionMethods.GZip | DecompressionMethods.Deflate
        | (Enum.TryParse<DecompressionMethods>("Brotli", out var brotli) ? brotli : DecompressionMethods.None);

    /// <summary>
    /// A client over a new handler shaped by <paramref name="settings"/>; <paramref name="cookies"/>
    /// null sends no cookies, <paramref name="followRedirects"/> false leaves redirects to the caller.
    /// </summary>
    public static HttpClient Create(CookieContainer? cookies, bool followRedirects, ConnectionSettings? settings = null) =>
        Create((settings ?? ConnectionSettings.Default).Apply(new HttpClientHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = cookies != null,
            AllowAutoRedirect = followRedirects,
            AutomaticDecompression = Decompression,
        }));

    /// <summary>A client over a caller's handler (tests).</summary>
    public static HttpClient Create(HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }
}
