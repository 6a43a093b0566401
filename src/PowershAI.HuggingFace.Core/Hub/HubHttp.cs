using System.Net;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>The one HttpClient for the Hub, the router and Space hosts, shared by every <see cref="HubClient"/>.</summary>
static class HubHttp
{
    public static HttpClient Client { get; } = Create();

    static HttpClient Create()
    {
        // Redirects are followed by HubClient, which decides on every hop whether the token goes along.
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("PowershAI.HuggingFace/" + typeof(HubHttp).Assembly.GetName().Version);
        return http;
    }
}
