using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// Sends and returns a successful response (headers read); anything else becomes a
    /// <see cref="HubException"/> (<see cref="HubFailure"/>). The shared <see cref="HttpSender"/>
    /// retries a GET or HEAD meeting 408, 429, 5xx or a network error, and any request meeting a 429,
    /// up to <see cref="HubClientOptions.MaxAttempts"/>, after the wait the server asked for
    /// (Retry-After, RateLimit t=) or an exponential backoff.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string what, CancellationToken ct, string accept = "application/json", TimeSpan? timeout = null) =>
        SendCheckedAsync(method, url, content, what, ct, accept, timeout);

    /// <summary>
    /// <see cref="SendAsync"/> with a hook that adds headers (Range) to every attempt; with
    /// <paramref name="stayOnOrigin"/> a redirect to another origin is returned rather than followed,
    /// so its headers (X-Linked-Etag, Location) can be read.
    /// </summary>
    async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string what, CancellationToken ct, string accept = "application/json", TimeSpan? timeout = null, Action<HttpRequestMessage>? prepare = null, bool stayOnOrigin = false)
    {
        var (response, tokenSent) = await SendFollowingRedirectsAsync(method, url, content, accept, what, timeout ?? Options.Timeout, ct, prepare, stayOnOrigin).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || (stayOnOrigin && Redirect.Is((int)response.StatusCode))) return response;
        using (response)
        {
            var body = await BoundedBody.ReadTextAsync(response, MaxErrorBodyBytes, timeout ?? Options.Timeout, ct).ConfigureAwait(false);
            throw HubFailure.FromResponse(response, body, what, Token, tokenSent);
        }
    }

    /// <summary>
    /// One request, following redirects here rather than in the handler so the token rule holds on
    /// every hop: it goes only where <see cref="MayReceiveToken"/> allows, and once a redirect leaves
    /// the origin (an LFS download sent to the CDN) it is dropped for good, with the caller's extra
    /// headers. Relative Locations resolve against the current URL. Returns whether the final hop
    /// carried the token.
    /// </summary>
    async Task<(HttpResponseMessage Response, bool TokenSent)> SendFollowingRedirectsAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string accept, string what, TimeSpan timeout, CancellationToken ct, Action<HttpRequestMessage>? prepare = null, bool stayOnOrigin = false)
    {
        if (HubEndpoint.Offline)
            throw new HubException(HubErrorKind.Offline, $"{what}: HF_HUB_OFFLINE is set, so nothing is sent to {url.GetLeftPart(UriPartial.Authority)}.") { Url = url.ToString() };
        var carry = Token.HasValue && MayReceiveToken(url);
        // The caller's extra headers (-Headers) are meant for where the request was sent, as the token is.
        var headers = true;
        for (var hop = 0; ; hop++)
        {
            var (m, u, c, withToken, withHeaders) = (method, url, content, carry, headers);
            var response = await ClientState.Current.Hub.SenderFor(Options.Settings).SendAsync(() =>
            {
                var request = new HttpRequestMessage(m, u) { Content = c?.Invoke() };
                request.Headers.Accept.ParseAdd(accept);
                if (withToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token.Reveal());
                prepare?.Invoke(request);
                return request;
            }, new HttpSendOptions { What = what, Timeout = timeout, Log = Options.Log, Retry = Retry, ExtraHeaders = withHeaders }, ct).MapFailure(HubFailure.FromTransport).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!Redirect.Is(status) || response.Headers.Location is not { } location) return (response, carry);
            if (hop >= Options.MaxRedirects)
            {
                response.Dispose();
                throw new HubException(HubErrorKind.HttpError, $"{what}: more than {Options.MaxRedirects} redirects; stopped at {url.GetLeftPart(UriPartial.Path)}.") { Url = url.ToString() };
            }
            var next = Redirect.Target(url, location);
            if (stayOnOrigin && !TokenScope.SameOrigin(next, url)) return (response, carry);
            response.Dispose();
            carry = carry && TokenScope.SameOrigin(next, url);
            headers = headers && TokenScope.SameOrigin(next, url);
            if (Redirect.BecomesGet(status, method))
            {
                method = HttpMethod.Get;
                content = null;
            }
            url = next;
        }
    }

    RetryPolicy Retry => new()
    {
        MaxAttempts = Options.MaxAttempts,
        RetryServerErrors = true,
        InitialBackoff = Options.InitialBackoff,
        MaxBackoff = Options.MaxBackoff,
        MaxWait = Options.MaxRetryWait,
        SuggestedWait = response => RateLimitInfo.From(response)?.SuggestedWait,
    };

}
