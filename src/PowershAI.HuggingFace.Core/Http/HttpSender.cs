using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

using Header = KeyValuePair<string, IEnumerable<string>>;

/// <summary>
/// The one way the module sends HTTP, for the Gradio and the Hub clients alike: a timeout per
/// request, retries by <see cref="RetryPolicy"/>, transport failures classified as
/// <see cref="TransportFailure"/>, and a verbose line for each request, answer, retry and wait
/// (debug lines with headers), with secrets masked. Statuses are not judged here: a non-success
/// answer is returned for the caller's own classifier.
/// </summary>
public sealed class HttpSender
{
    public HttpSender(HttpClient http, SecretRegistry secrets, ConnectionSettings? settings = null)
    {
        Http = http;
        Secrets = secrets;
        Settings = settings ?? ConnectionSettings.Default;
    }

    public HttpClient Http { get; }

    /// <summary>What the client was built with; its extra headers go on every request.</summary>
    public ConnectionSettings Settings { get; }

    public SecretRegistry Secrets { get; }

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, HttpSendOptions options, CancellationToken ct)
    {
        var retry = options.Retry;
        var attempts = retry?.MaxAttempts ?? 1;
        for (var attempt = 1; ; attempt++)
        {
            using var request = make();
            Settings.Decorate(request, Secrets, options.ExtraHeaders);
            Secrets.AddFrom(request);
            var label = $"{request.Method} {Secrets.Redact(request.RequestUri?.ToString())}";
            options.Log?.Verbose(label);
            if (options.Log != null) LogHeaders(options.Log, "request", Headers(request.Headers, request.Content));
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, options, ct).ConfigureAwait(false);
            }
            catch (TransportFailure failure) when (attempt < attempts && retry!.RetriesFailure(request.Method, failure.Kind))
            {
                var wait = retry.Backoff(attempt);
                options.Log?.Verbose($"{label}: {failure.Message} Waiting {Seconds(wait)}, attempt {attempt + 1} of {attempts}.");
                await Task.Delay(wait, ct).ConfigureAwait(false);
                continue;
            }
            catch (TransportFailure failure)
            {
                options.Log?.Verbose($"{label}: {failure.Message}");
                throw;
            }
            var status = (int)response.StatusCode;
            // A redirect to a signed link: its signature is masked from this answer's headers on.
            if (response.Headers.Location is { IsAbsoluteUri: true } location) Secrets.AddFrom(location);
            options.Log?.Verbose($"{label}: {status} {response.ReasonPhrase}, {Size(response)}, {clock.ElapsedMilliseconds} ms");
            if (options.Log != null) LogHeaders(options.Log, "response", Headers(response.Headers, response.Content));
            if (response.IsSuccessStatusCode || retry == null || attempt >= attempts || !retry.Retries(request.Method, status)) return response;
            var asked = retry.SuggestedWait(response);
            // Sleeping for minutes is worse than saying when the limit resets.
            if (asked > retry.MaxWait) return response;
            var delay = asked ?? retry.Backoff(attempt);
            options.Log?.Verbose($"HTTP {status}, waiting {Seconds(delay)}, attempt {attempt + 1} of {attempts}.");
            response.Dispose();
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }

    async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, HttpSendOptions options, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(options.Timeout);
        try
        {
            return await Http.SendAsync(request, options.Completion, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not TransportFailure)
        {
            ct.ThrowIfCancellationRequested();
            throw Classify(ex, options.What, request.RequestUri!, bound.IsCancellationRequested, Settings.NoProxy ? null : Settings.Proxy) ?? ex.Rethrown();
        }
    }

    /// <summary>
    /// A transport exception as a <see cref="TransportFailure"/>; null for anything else. With
    /// <paramref name="proxy"/> (one the caller named) the messages say the way went through it,
    /// since a dead proxy fails the same way as a dead server.
    /// </summary>
    public static TransportFailure? Classify(Exception ex, string what, Uri url, bool timedOut, Uri? proxy = null)
    {
        var origin = url.GetLeftPart(UriPartial.Authority) + (proxy == null ? "" : $" through the proxy {proxy.GetLeftPart(UriPartial.Authority)}");
        if (timedOut)
            return new TransportFailure(TransportFailureKind.Timeout, $"{what} got no answer from {origin} in time.", url, ex);
        if (ex is OperationCanceledException) return null;
        // A reset after the server had answered is a dropped stream, not an unreachable server.
        if (ex is HttpRequestException && Innermost(ex) is IOException or SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
            return new TransportFailure(TransportFailureKind.Dropped, $"{what}: the connection to {origin} was closed ({Innermost(ex).Message}).", url, ex);
        if (ex is HttpRequestException)
            return new TransportFailure(TransportFailureKind.Unreachable, $"{what}: cannot reach {origin} ({Innermost(ex).Message}).", url, ex);
        if (ex is IOException)
            return new TransportFailure(TransportFailureKind.Dropped, $"{what}: the connection to {origin} was closed ({Innermost(ex).Message}).", url, ex);
        return null;
    }

    void LogHeaders(IHttpLog log, string side, IEnumerable<Header> headers)
    {
        foreach (var h in headers)
            log.Debug($"  {side} {h.Key}: {Secrets.ForLog(h.Key, string.Join(", ", h.Value))}");
    }

    static IEnumerable<Header> Headers(System.Net.Http.Headers.HttpHeaders headers, HttpContent? content) =>
        content == null ? headers : headers.Concat(content.Headers);

    static string Size(HttpResponseMessage response) =>
        response.Content?.Headers.ContentLength is long n ? n.ToString(CultureInfo.InvariantCulture) + " bytes" : "streamed";

    static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(t.TotalSeconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " s";

    static Exception Innermost(Exception ex)
    {
        while (ex.InnerException != null) ex = ex.InnerException;
        return ex;
    }
}

static class ExceptionExtensions
{
    /// <summary>Rethrows with the original stack; typed as an expression for throw sites.</summary>
    public static Exception Rethrown(this Exception ex)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex).Throw();
        return ex;
    }
}
