using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// A pooled <see cref="GradioConnection"/> seen through one caller's options. Cheap: made per
/// cmdlet call. Every request to the app goes through <see cref="SendRawAsync"/> (the shared
/// <see cref="HttpSender"/> with this caller's timeout, token and log; a 429 is retried as the
/// app asks), and every failure comes out as a <see cref="GradioException"/>.
/// </summary>
public sealed class GradioClient
{
    const int MaxErrorBodyBytes = 64 * 1024;
    static readonly RetryPolicy DefaultRetry = new();

    public GradioClient(GradioConnection connection, GradioClientOptions? options = null)
    {
        Connection = connection;
        Options = options ?? new GradioClientOptions();
    }

    /// <summary>The client for the app at <paramref name="url"/>: the pooled connection of its root and the options' credential.</summary>
    public static GradioClient For(string url, GradioClientOptions? options = null) => For(GradioUrl.NormalizeRoot(url), options);

    public static GradioClient For(Uri root, GradioClientOptions? options = null)
    {
        options ??= new GradioClientOptions();
        return new(ClientState.Current.Connections.For(root, options.Credential, options.Settings), options);
    }

    /// <summary>A client for a host that is not the app (files it links to elsewhere): no token, no login, none of the caller's extra headers.</summary>
    public GradioClient Anonymous(Uri url) => For(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"),
        new GradioClientOptions { Timeout = Options.Timeout, Log = Options.Log, Settings = Options.Settings.WithoutHeaders(), Retry = Options.Retry });

    public GradioConnection Connection { get; }

    public GradioClientOptions Options { get; }

    public Uri Root => Connection.Root;

    /// <summary>The app description (config + info), logging in first when a credential was given.</summary>
    public async Task<AppInfo> GetAppInfoAsync(CancellationToken ct, bool refresh = false)
    {
        await EnsureLoginAsync(ct).ConfigureAwait(false);
        return await Connection.GetAppInfoAsync(this, refresh, ct).ConfigureAwait(false);
    }

    /// <summary>Logs in once per connection (connections are per credential) when the caller gave a credential.</summary>
    public async Task EnsureLoginAsync(CancellationToken ct)
    {
        var cred = Options.Credential;
        if (cred == null || Connection.LoggedIn) return;
        var secrets = Connection.Sender.Secrets;
        secrets.Add(cred.Password);
        var url = GradioUrl.Join(Root, "login");
        using var response = await SendRawAsync(() => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new[]
            {
                new KeyValuePair<string, string>("username", cred.UserName),
                new KeyValuePair<string, string>("password", cred.Password),
            }),
        }, "Login", ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await ReadErrorBodyAsync(response, ct).ConfigureAwait(false);
            if ((int)response.StatusCode is 400 or 401 or 403)
                throw new GradioException(GradioErrorKind.AuthenticationFailed, $"Login to {Root} was refused: {GradioFailure.Detail(body)}", status: response.StatusCode, target: url.ToString());
            throw GradioFailure.FromResponse(response, body, "Login");
        }
        foreach (System.Net.Cookie cookie in Connection.Cookies.GetCookies(Root)) secrets.Add(cookie.Value);
        Connection.LoggedIn = true;
        Connection.Forget();
    }

    /// <summary>Sends a request and returns a successful response (headers read); anything else becomes a <see cref="GradioException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, string what, CancellationToken ct)
    {
        var response = await SendRawAsync(make, what, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await ReadErrorBodyAsync(response, ct).ConfigureAwait(false);
            throw GradioFailure.FromResponse(response, body, what);
        }
    }

    /// <summary>GETs JSON.</summary>
    public Task<JsonNode?> GetJsonAsync(Uri url, string what, CancellationToken ct) =>
        ReadJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, url), what, ct);

    /// <summary>POSTs a JSON body and reads a JSON answer.</summary>
    public Task<JsonNode?> PostJsonAsync(Uri url, JsonNode body, string what, CancellationToken ct) =>
        ReadJsonAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(body) }, what, ct);

    public async Task<JsonNode?> ReadJsonAsync(Func<HttpRequestMessage> make, string what, CancellationToken ct)
    {
        using var response = await SendAsync(make, what, ct).ConfigureAwait(false);
        return await ReadJsonBodyAsync(response, what, ct).ConfigureAwait(false);
    }

    /// <summary>A response's JSON, read within the size and silence bounds and parsed from its bytes.</summary>
    public async Task<JsonNode?> ReadJsonBodyAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var url = response.RequestMessage?.RequestUri;
        using var body = await BoundedBody.ReadAsync(response, ClientState.Current.Limits.MaxJsonBytes, Options.Timeout, what, ct).MapFailure(GradioFailure.FromTransport).ConfigureAwait(false);
        return ParseJson(new ReadOnlySpan<byte>(body.GetBuffer(), 0, (int)body.Length), what, url);
    }

    /// <summary>The text of a failed answer, cut to a size worth quoting.</summary>
    public Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken ct) =>
        BoundedBody.ReadTextAsync(response, MaxErrorBodyBytes, Options.Timeout, ct);

    public static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static JsonNode? ParseJsonText(string text, string what, Uri? url) => ParseJson(Encoding.UTF8.GetBytes(text), what, url);

    internal static JsonNode? ParseJson(ReadOnlySpan<byte> utf8, string what, Uri? url)
    {
        try
        {
            return JsonNode.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new GradioException(GradioErrorKind.MalformedResponse, $"{what}: the server's answer is not valid JSON ({ex.Message}).", ex, target: url?.ToString());
        }
    }

    /// <summary>
    /// Sends without judging the status: the timeout bounds the wait for the answer's headers. The
    /// token goes only to the app's own origin, whatever URL a caller built from the app's answers.
    /// Redirects are followed here, not by the handler, so that a hop to another origin goes out
    /// as <see cref="Anonymous"/> does (no token, no login cookie, none of the caller's extra
    /// headers) and shows in -Verbose; at most the settings' MaxRedirects hops (10 by default).
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> make, string what, CancellationToken ct)
    {
        var limit = Connection.Settings.MaxRedirects ?? DefaultMaxRedirects;
        var sender = this;
        Uri? next = null;
        var asGet = false;
        for (var hop = 0; ; hop++)
        {
            var (url, get) = (next, asGet);
            var response = await sender.SendOnceAsync(() =>
            {
                var request = make();
                if (url != null) request.RequestUri = url;
                if (get)
                {
                    request.Method = HttpMethod.Get;
                    request.Content = null;
                }
                return request;
            }, what, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (hop >= limit || !Redirect.Is(status) || response.Headers.Location is not { } location) return response;
            var from = response.RequestMessage?.RequestUri ?? Root;
            var target = Redirect.Target(from, location);
            // As browsers and the handler do: never from https down to http.
            if (from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps) return response;
            asGet = asGet || Redirect.BecomesGet(status, response.RequestMessage?.Method ?? HttpMethod.Get);
            response.Dispose();
            if (!TokenScope.SameOrigin(target, sender.Root)) sender = sender.Anonymous(target);
            next = target;
        }
    }

    const int DefaultMaxRedirects = 10;

    Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> make, string what, CancellationToken ct) => Connection.Sender.SendAsync(() =>
    {
        var request = make();
        if (Options.BearerToken is { Length: > 0 } token && request.RequestUri is { } target && TokenScope.SameOrigin(target, Root))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }, new HttpSendOptions { What = what, Timeout = Options.Timeout, Log = Options.Log, Retry = Options.Retry ?? DefaultRetry }, ct).MapFailure(GradioFailure.FromTransport);

    /// <summary>
    /// The events of a GET event stream, each message's data parsed as JSON (null when it is
    /// empty), within the stream's silence bound and the message size limit.
    /// </summary>
    public IAsyncEnumerable<SseItem<JsonNode?>> ReadEventsAsync(Uri url, string what, CancellationToken ct) => ReadEventsAsync(url, what, JsonData, ct);

    /// <summary><see cref="ReadEventsAsync(Uri, string, CancellationToken)"/> with each message's data read by <paramref name="parser"/>.</summary>
    internal async IAsyncEnumerable<SseItem<T>> ReadEventsAsync<T>(Uri url, string what, SseItemParser<T> parser, [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/event-stream");
            return request;
        }, what, ct).ConfigureAwait(false);
        if (!SseReader.IsEventStream(response))
            throw new GradioException(GradioErrorKind.MalformedResponse,
                $"{what}: {url.GetLeftPart(UriPartial.Path)} answered {response.Content.Headers.ContentType?.MediaType}, not an event stream.", target: url.ToString());
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var events = SseReader.EnumerateAsync(stream, parser, Options.StreamIdleTimeout, ClientState.Current.Limits.MaxMessageBytes, what, url, ct).GetAsyncEnumerator(ct);
        try
        {
            while (await events.MoveNextAsync().MapFailure(GradioFailure.FromTransport).ConfigureAwait(false))
                yield return events.Current;
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An event's data as JSON, read from its bytes; data that is not JSON is a malformed message.</summary>
    [MethodImpl(PerEvent.Compile)]
    internal static JsonNode? JsonData(string eventType, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return null;
        try
        {
            return JsonNode.Parse(data);
        }
        catch (JsonException ex)
        {
            throw new GradioException(GradioErrorKind.MalformedResponse, $"An event of the stream is not JSON ({ex.Message}).", ex);
        }
    }
}
