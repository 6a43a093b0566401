using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The Hub seen through one caller's options: endpoint, token, retries. Cheap, made per cmdlet
/// call; the HttpClient underneath is shared. Sending, redirects, the token rule and retries are
/// in HubClient.Send.cs; Spaces and chat in their own files.
/// </summary>
public sealed partial class HubClient
{
    public HubClient(HubClientOptions? options = null)
    {
        Options = options ?? new HubClientOptions();
        Endpoint = Options.Endpoint ?? HubEndpoint.Current;
        Router = Options.Router ?? HubEndpoint.Router;
        Token = Options.Token ?? TokenSource.Resolve();
    }

    public HubClientOptions Options { get; }

    public Uri Endpoint { get; }

    public Uri Router { get; }

    /// <summary>The token this client sends (to the hosts that may receive it), and where it came from.</summary>
    public HubToken Token { get; }

    /// <summary>Whether a request to <paramref name="url"/> carries the token: this client's Hub or router, or a Space host the Hub reported.</summary>
    public bool MayReceiveToken(Uri url) => TokenScope.Allows(url, Endpoint, Router);

    /// <summary>An absolute http(s) URL as given, else a path under the endpoint; then the query.</summary>
    public Uri Url(string pathOrUrl, HubQuery? query = null)
    {
        // On Unix "/api/models" parses as an absolute file: URI, hence the scheme test.
        var url = Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute
            : HubEndpoint.Join(Endpoint, pathOrUrl);
        return query?.AppendTo(url) ?? url;
    }

    /// <summary>GETs JSON from any Hub path (/api/...) or absolute URL.</summary>
    public Task<JsonNode?> GetJsonAsync(string pathOrUrl, HubQuery? query = null, CancellationToken ct = default)
    {
        var url = Url(pathOrUrl, query);
        return ReadJsonAsync(HttpMethod.Get, url, null, What(HttpMethod.Get, url), ct);
    }

    /// <summary>
    /// The items of a paged listing, following Link rel="next". Lazy: a page is requested only
    /// when the consumer asks for an item past the previous one, so taking 5 of a limit=10
    /// listing costs one request.
    /// </summary>
    public IAsyncEnumerable<JsonNode> ListAsync(string pathOrUrl, HubQuery? query = null, CancellationToken ct = default) =>
        ItemsAsync(pathOrUrl, query, objectAllowed: false, ParseNode, ct);

    /// <summary>Any GET: the items of a listing, lazily across its pages as <see cref="ListAsync"/>, or the one object another route answers.</summary>
    public IAsyncEnumerable<JsonNode> QueryAsync(string pathOrUrl, HubQuery? query = null, CancellationToken ct = default) =>
        ItemsAsync(pathOrUrl, query, objectAllowed: true, ParseNode, ct);

    /// <summary>
    /// Each page is read as it arrives (<see cref="JsonArrayReader"/>, within the JSON size and
    /// silence bounds): an item goes to the consumer as soon as its bytes are in, and the page's
    /// body is read to its end before the next page is asked for, so the connection is reused.
    /// </summary>
    async IAsyncEnumerable<T> ItemsAsync<T>(string pathOrUrl, HubQuery? query, bool objectAllowed, Func<ArraySegment<byte>, T?> read, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        for (Uri? next = Url(pathOrUrl, query); next != null && visited.Add(next.AbsoluteUri);)
        {
            var url = next;
            var what = What(HttpMethod.Get, url);
            using var response = await SendAsync(HttpMethod.Get, url, null, what, ct).ConfigureAwait(false);
            next = LinkHeader.Next(response, url);
            using var page = await JsonArrayReader.OpenAsync(response, ClientState.Current.Limits.MaxJsonBytes, Options.Timeout, what).MapFailure(HubFailure.FromTransport).ConfigureAwait(false);
            if (!await page.IsArrayAsync(ct).MapFailure(HubFailure.FromTransport).ConfigureAwait(false))
            {
                var body = await page.ReadToEndAsync(ct).MapFailure(HubFailure.FromTransport).ConfigureAwait(false);
                var answer = IsBlank(body.AsSpan()) ? null : Read(read, body, what, url);
                if (!objectAllowed || answer == null || visited.Count > 1)
                    throw new HubException(HubErrorKind.MalformedResponse, $"{what}: expected a JSON array (a listing), got something else.") { Url = url.ToString() };
                yield return answer;
                yield break;
            }
            while (await NextItemAsync(page, read, what, url, ct).ConfigureAwait(false) is (true, var item))
            {
                if (item != null) yield return item;
            }
        }
    }

    static async Task<(bool Found, T? Item)> NextItemAsync<T>(JsonArrayReader page, Func<ArraySegment<byte>, T?> read, string what, Uri url, CancellationToken ct)
    {
        try
        {
            return await page.NextAsync(read, ct).MapFailure(HubFailure.FromTransport).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw Malformed(what, url, ex);
        }
    }

    static JsonNode? ParseNode(ArraySegment<byte> utf8) => JsonNode.Parse(utf8.AsSpan());

    /// <summary>An item as <paramref name="read"/> makes it from a JSON document that lives only during the call (no JsonNode is built).</summary>
    static T? ReadElement<T>(ArraySegment<byte> utf8, Func<JsonElement, T?> read)
    {
        using var document = JsonDocument.Parse(utf8.AsMemory());
        return read(document.RootElement);
    }

    static T? Read<T>(Func<ArraySegment<byte>, T?> read, ArraySegment<byte> utf8, string what, Uri url)
    {
        try
        {
            return read(utf8);
        }
        catch (JsonException ex)
        {
            throw Malformed(what, url, ex);
        }
    }

    /// <summary>
    /// Model, dataset or Space info: GET /api/{t}/{id}[/revision/{rev}], with <paramref name="expand"/>
    /// (only these fields, plus _id and id) and any <paramref name="extra"/> parameters (blobs, securityStatus).
    /// </summary>
    public async Task<JsonNode?> GetRepoAsync(HubRepoType type, string id, string? revision = null, IEnumerable<string>? expand = null, HubQuery? extra = null, CancellationToken ct = default)
    {
        var path = RepoPath.Api(type, id) + (revision != null ? "/revision/" + RepoPath.Revision(revision) : "");
        var query = new HubQuery().Add("expand", expand);
        foreach (var pair in extra ?? new HubQuery()) query.Add(pair.Key, pair.Value);
        var url = Url(path, query);
        var info = await ReadJsonAsync(HttpMethod.Get, url, null, $"Reading {Noun(type)} {id}", ct).ConfigureAwait(false);
        if (type == HubRepoType.Space) NoteSpaceHost(info?["host"], id);
        return info;
    }

    /// <summary>GET /api/models|datasets|spaces with search, author, filter, sort, limit, full, expand … as given.</summary>
    public IAsyncEnumerable<JsonNode> ListReposAsync(HubRepoType type, HubQuery? query = null, CancellationToken ct = default) =>
        ListAsync("/api/" + RepoPath.Collection(type), query, ct);

    /// <summary>
    /// The same listing, each item made by <paramref name="read"/> from its JSON while its bytes are at
    /// hand (possibly on a thread-pool thread; a null result is skipped): for callers that turn
    /// thousands of items into objects of their own, building no JsonNode (bench/README.md, hub-listing).
    /// </summary>
    public IAsyncEnumerable<T> ListReposAsync<T>(HubRepoType type, HubQuery? query, Func<JsonElement, T?> read, CancellationToken ct = default)
        where T : class =>
        ItemsAsync("/api/" + RepoPath.Collection(type), query, objectAllowed: false, utf8 => ReadElement(utf8, read), ct);

    /// <summary>GET /api/whoami-v2: the account and the token's role (never the token).</summary>
    public Task<JsonNode?> WhoamiAsync(CancellationToken ct = default)
    {
        var url = Url("/api/whoami-v2");
        return ReadJsonAsync(HttpMethod.Get, url, null, "Reading the account of the token (whoami)", ct);
    }

    /// <summary>A successful GET response, for content that is not JSON (resolve downloads); the caller disposes it.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathOrUrl, HubQuery? query = null, CancellationToken ct = default)
    {
        var url = Url(pathOrUrl, query);
        return SendAsync(HttpMethod.Get, url, null, What(HttpMethod.Get, url), ct, accept: "*/*");
    }

    async Task<JsonNode?> ReadJsonAsync(HttpMethod method, Uri url, Func<HttpContent>? content, string what, CancellationToken ct, TimeSpan? timeout = null)
    {
        using var response = await SendAsync(method, url, content, what, ct, timeout: timeout).ConfigureAwait(false);
        return await ReadJsonBodyAsync(response, what, url, timeout ?? Options.Timeout, ct).ConfigureAwait(false);
    }

    /// <summary>A response's JSON, read within the size and silence bounds and parsed from its bytes; null when empty.</summary>
    static async Task<JsonNode?> ReadJsonBodyAsync(HttpResponseMessage response, string what, Uri url, TimeSpan idle, CancellationToken ct)
    {
        using var body = await BoundedBody.ReadAsync(response, ClientState.Current.Limits.MaxJsonBytes, idle, what, ct).MapFailure(HubFailure.FromTransport).ConfigureAwait(false);
        return ParseJson(new ReadOnlySpan<byte>(body.GetBuffer(), 0, (int)body.Length), what, url);
    }

    static JsonNode? ParseJson(ReadOnlySpan<byte> utf8, string what, Uri url)
    {
        if (IsBlank(utf8)) return null;
        try
        {
            return JsonNode.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw Malformed(what, url, ex);
        }
    }

    static HubException Malformed(string what, Uri url, JsonException ex) =>
        new(HubErrorKind.MalformedResponse, $"{what}: the answer is not valid JSON ({ex.Message}).", ex) { Url = url.ToString() };

    /// <summary>Records the `host` of a Space answer, so the Gradio side may send it the token; the Hub's own origin needs no entry.</summary>
    Uri? NoteSpaceHost(JsonNode? host, string id)
    {
        if (host is not JsonValue value || !value.TryGetValue<string>(out var text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        if (!TokenScope.SameOrigin(uri, Endpoint)) TokenScope.AddSpaceHost(uri);
        SpaceHostFailure.Remember(uri, id);
        return uri;
    }

    static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    static string What(HttpMethod method, Uri url) => $"{method} {url.AbsolutePath}";

    static string Noun(HubRepoType type) => type switch
    {
        HubRepoType.Dataset => "dataset",
        HubRepoType.Space => "Space",
        _ => "model",
    };
}
