using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// A shared <see cref="GradioConnection"/> seen through one caller's options. Cheap: made per
/// cmdlet call. Every request to the app goes through <see cref="SendAsync"/>, which applies
/// the timeout, the explicit token and the error classification.
/// </summary>
public sealed class GradioClient
{
    public GradioClient(GradioConnection connection, GradioClientOptions? options = null)
    {
        Connection = connection;
        Options = options ?? new GradioClientOptions();
    }

    public static GradioClient For(string url, GradioClientOptions? options = null) => new(GradioConnection.For(url), options);

    /// <summary>A client for a host that is not the app (files it links to elsewhere): no token, no login.</summary>
    public static GradioClient Anonymous(Uri url, TimeSpan timeout) =>
        new(GradioConnection.For(new Uri(url.GetLeftPart(UriPartial.Authority) + "/")), new GradioClientOptions { Timeout = timeout });

    public GradioConnection Connection { get; }

    public GradioClientOptions Options { get; }

    public Uri Root => Connection.Root;

    /// <summary>The app description (config + info), logging in first when a credential was given.</summary>
    public async Task<AppInfo> GetAppInfoAsync(CancellationToken ct, bool refresh = false)
    {
        await EnsureLoginAsync(ct).ConfigureAwait(false);
        return await Connection.GetAppInfoAsync(this, refresh, ct).ConfigureAwait(false);
    }

    /// <summary>Logs in once per connection when the caller gave a credential.</summary>
    public async Task EnsureLoginAsync(CancellationToken ct)
    {
        var cred = Options.Credential;
        if (cred == null || Connection.LoggedIn) return;
        var form = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("username", cred.UserName),
            new System.Collections.Generic.KeyValuePair<string, string>("password", cred.Password),
        });
        var url = GradioUrl.Join(Root, "login");
        using var response = await SendRawAsync(() => new HttpRequestMessage(HttpMethod.Post, url) { Content = form }, "Login", HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            if ((int)response.StatusCode is 400 or 401 or 403)
                throw new GradioException(GradioErrorKind.AuthenticationFailed, $"Login to {Root} was refused: {HttpFailure.Detail(body)}", status: response.StatusCode, target: url.ToString());
            throw HttpFailure.FromResponse(response, body, "Login");
        }
        Connection.LoggedIn = true;
        Connection.Forget();
    }

    /// <summary>Sends a request and returns a successful response; anything else becomes a <see cref="GradioException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, string what, CancellationToken ct, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var response = await SendRawAsync(make, what, completion, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await ReadBodyAsync(response, ct).ConfigureAwait(false);
            throw HttpFailure.FromResponse(response, body, what);
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
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ParseJson(text, what, response.RequestMessage?.RequestUri);
    }

    public static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static JsonNode? ParseJsonText(string text, string what, Uri? url) => ParseJson(text, what, url);

    internal static JsonNode? ParseJson(string text, string what, Uri? url)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new GradioException(GradioErrorKind.MalformedResponse, $"{what}: the server's answer is not valid JSON ({ex.Message}).", ex, target: url?.ToString());
        }
    }

    /// <summary>Sends without judging the status: the timeout bounds the wait for the answer's headers.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> make, string what, HttpCompletionOption completion, CancellationToken ct)
    {
        using var request = make();
        if (Options.BearerToken is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            return await Connection.Http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GradioException)
        {
            ct.ThrowIfCancellationRequested();
            throw HttpFailure.FromException(ex, what, request.RequestUri!, timeout.IsCancellationRequested);
        }
    }

    static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            ct.ThrowIfCancellationRequested();
            return "";
        }
    }
}
