using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    static readonly Random Jitter = new();

    /// <summary>
    /// Sends and returns a successful response; anything else becomes a <see cref="HubException"/>
    /// (<see cref="HubFailure"/>). A GET or HEAD meeting 408, 429, 5xx or a network error is tried
    /// again, up to <see cref="HubClientOptions.MaxAttempts"/>, after the wait the server asked for
    /// (Retry-After, RateLimit t=) or an exponential backoff; every wait yields to <paramref name="ct"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string what, HttpCompletionOption completion, CancellationToken ct, string accept = "application/json", TimeSpan? timeout = null)
    {
        var retries = method == HttpMethod.Get || method == HttpMethod.Head;
        for (var attempt = 1; ; attempt++)
        {
            var last = !retries || attempt >= Options.MaxAttempts;
            HttpResponseMessage response;
            bool tokenSent;
            try
            {
                (response, tokenSent) = await SendFollowingRedirectsAsync(method, url, content, accept, what, completion, timeout ?? Options.Timeout, ct).ConfigureAwait(false);
            }
            catch (HubException ex) when (!last && ex.Kind is HubErrorKind.Unreachable or HubErrorKind.Timeout)
            {
                await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
                continue;
            }
            if (response.IsSuccessStatusCode) return response;

            HubException failure;
            using (response)
            {
                var body = await ReadBodyAsync(response, ct).ConfigureAwait(false);
                failure = HubFailure.FromResponse(response, body, what, Token, tokenSent);
            }
            if (last || failure.StatusCode is not (408 or 429 or 500 or 502 or 503 or 504)) throw failure;
            var asked = failure.RateLimit?.SuggestedWait;
            // Sleeping for minutes is worse than saying when the limit resets.
            if (asked > Options.MaxRetryWait) throw failure;
            await Task.Delay(asked ?? Backoff(attempt), ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One request, following redirects here rather than in the handler so the token rule holds on
    /// every hop: it goes only where <see cref="MayReceiveToken"/> allows, and once a redirect leaves
    /// the origin (an LFS download sent to the CDN) it is dropped for good. Relative Locations resolve
    /// against the current URL. Returns whether the final hop carried the token.
    /// </summary>
    async Task<(HttpResponseMessage Response, bool TokenSent)> SendFollowingRedirectsAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string accept, string what, HttpCompletionOption completion, TimeSpan timeout, CancellationToken ct)
    {
        var carry = Token.HasValue && MayReceiveToken(url);
        for (var hop = 0; ; hop++)
        {
            var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
            request.Headers.Accept.ParseAdd(accept);
            if (carry) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token.Reveal());
            var response = await SendOnceAsync(request, what, completion, timeout, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location) return (response, carry);
            response.Dispose();
            request.Dispose();
            if (hop >= Options.MaxRedirects)
                throw new HubException(HubErrorKind.HttpError, $"{what}: more than {Options.MaxRedirects} redirects; stopped at {url.GetLeftPart(UriPartial.Path)}.") { Url = url.ToString() };
            // A relative Location can come back as a file: URI on Unix; only http(s) counts as absolute.
            var next = location.IsAbsoluteUri && (location.Scheme == Uri.UriSchemeHttps || location.Scheme == Uri.UriSchemeHttp)
                ? location
                : new Uri(url, location.OriginalString);
            carry = carry && TokenScope.SameOrigin(next, url);
            if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
            {
                method = HttpMethod.Get;
                content = null;
            }
            url = next;
        }
    }

    async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string what, HttpCompletionOption completion, TimeSpan timeout, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(timeout);
        try
        {
            return await HubHttp.Client.SendAsync(request, completion, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            ct.ThrowIfCancellationRequested();
            throw HubFailure.FromException(ex, what, request.RequestUri!, bound.IsCancellationRequested);
        }
    }

    TimeSpan Backoff(int attempt)
    {
        var initial = Options.InitialBackoff.TotalMilliseconds;
        var ms = Math.Min(initial * Math.Pow(2, attempt - 1), Math.Max(initial, Options.MaxBackoff.TotalMilliseconds));
        double factor;
        lock (Jitter) factor = 0.75 + Jitter.NextDouble() / 2; // ±25 %, so clients that failed together do not retry together
        return TimeSpan.FromMilliseconds(ms * factor);
    }

    static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            ct.ThrowIfCancellationRequested();
            return "";
        }
    }
}
