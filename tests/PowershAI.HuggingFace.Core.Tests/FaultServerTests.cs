using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// The fake server's faults (FaultRoutes.cs, FaultResults.cs) do what the client tests rely on,
/// seen with a bare HttpClient: each under its /fault/{name}/ URL, with small sizes, and each ends
/// by itself within the short limits set here.
/// </summary>
public sealed class FaultServerTests : IAsyncLifetime
{
    FakeGradioServer _server = null!;
    readonly HttpClient _http = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() => _server = await FakeGradioServer.StartAsync(Options());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    static FakeGradioOptions Options(string app = "full")
    {
        var options = T.Fast(GradioProfile.V5);
        options.App = app;
        options.StallLimit = TimeSpan.FromSeconds(1);
        options.EndlessLimit = TimeSpan.FromSeconds(1);
        return options;
    }

    Uri Url(string fault, string route) => new(_server.BaseUrl, $"fault/{fault}/gradio_api/{route}");

    async Task<string> Join(string fault, string session, AuthenticationHeaderValue? auth = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(fault, "queue/join"))
        {
            Content = new StringContent($"{{\"data\":[\"0\"],\"fn_index\":0,\"session_hash\":\"{session}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = auth;
        if (cookie != null) request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Stalled_download_sends_ten_bytes_of_a_large_length_then_drops_the_connection_at_its_limit()
    {
        using var cts = T.Deadline();
        using var response = await _http.GetAsync(Url("stalled-download", "file=/tmp/any.bin"), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(1L << 30, response.Content.Headers.ContentLength);
        using var body = await response.Content.ReadAsStreamAsync(cts.Token);
        var received = 0;
        var buffer = new byte[4096];
        var ex = await Record.ExceptionAsync(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer, cts.Token)) > 0) received += n;
        });
        Assert.Equal(10, received);
        Assert.IsAssignableFrom<IOException>(ex);
    }

    [Fact]
    public async Task Endless_download_has_no_length_and_stops_at_its_cap()
    {
        using var cts = T.Deadline();
        using var response = await _http.GetAsync(Url("endless-download/300000", "file=/tmp/any.bin"), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Null(response.Content.Headers.ContentLength);
        var bytes = await response.Content.ReadAsByteArrayAsync(cts.Token);
        Assert.Equal(300000, bytes.Length);
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task Rate_limited_answers_429_with_retry_after_n_times_per_route_then_serves()
    {
        using var cts = T.Deadline();
        var info = Url("rate-limited/2", "info");
        var statuses = new int[3];
        for (var i = 0; i < 3; i++)
        {
            using var response = await _http.GetAsync(info, cts.Token);
            statuses[i] = (int)response.StatusCode;
            if (i < 2) Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(new[] { 429, 429, 200 }, statuses);
        // queue/join keeps its own count.
        Assert.Contains("Too Many Requests", await Join("rate-limited/2", T.NewSession()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_error_echoes_the_authorization_and_cookie_headers()
    {
        var body = await Join("echo-secrets-http-error", T.NewSession(), new AuthenticationHeaderValue("Bearer", "hf_fault_token"), "access-token=fault-cookie");
        Assert.Contains("Authorization: Bearer hf_fault_token", body, StringComparison.Ordinal);
        Assert.Contains("Cookie: access-token=fault-cookie", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_error_echoes_the_stream_request_headers_in_a_failed_result()
    {
        using var cts = T.Deadline();
        var session = T.NewSession();
        await Join("echo-secrets-app-error", session);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("echo-secrets-app-error", "queue/data?session_hash=" + session));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "hf_fault_token");
        using var response = await _http.SendAsync(request, cts.Token);
        var completed = (await response.Content.ReadAsStringAsync(cts.Token)).Split("\n\n")
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? JsonNode.Parse(e.Substring(6)) : null)
            .Single(m => (string?)m?["msg"] == "process_completed")!;
        Assert.False((bool)completed["success"]!);
        Assert.Contains("Authorization: Bearer hf_fault_token", (string?)completed["output"]!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_message_carries_one_string_of_the_size_asked_for()
    {
        using var cts = T.Deadline();
        var session = T.NewSession();
        await Join("huge-sse-message/200000", session);
        var text = await _http.GetStringAsync(Url("huge-sse-message/200000", "queue/data?session_hash=" + session), cts.Token);
        var completed = text.Split("\n\n").Single(e => e.Contains("\"process_completed\"", StringComparison.Ordinal));
        var data = JsonNode.Parse(completed.Substring("data: ".Length))!["output"]!["data"]!.AsArray();
        Assert.Equal(new string('x', 200000), (string?)data[0]);
    }

    [Fact]
    public async Task Endless_heartbeats_never_bring_a_result_and_end_at_the_limit()
    {
        using var cts = T.Deadline();
        var session = T.NewSession();
        Assert.Contains("event_id", await Join("endless-heartbeats", session), StringComparison.Ordinal);
        var queue = await _http.GetStringAsync(Url("endless-heartbeats", "queue/data?session_hash=" + session), cts.Token);
        var call = await _http.GetStringAsync(Url("endless-heartbeats", "call/Op1/anything"), cts.Token);
        var messages = queue.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal("data: {\"msg\":\"heartbeat\",\"event_id\":null}", m));
        var events = call.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("event: heartbeat\ndata: null", e));
    }

    [Fact]
    public async Task Gzip_bomb_info_inflates_to_the_size_asked_for_as_valid_json()
    {
        using var cts = T.Deadline();
        using var response = await _http.GetAsync(Url("gzip-bomb-info/2000000", "info"), cts.Token);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync(cts.Token);
        Assert.True(compressed.Length < 20000, $"{compressed.Length} compressed bytes");
        using var inflated = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress)) await gzip.CopyToAsync(inflated, cts.Token);
        Assert.Equal(2000000, inflated.Length);
        Assert.NotNull(JsonNode.Parse(inflated.ToArray())!["named_endpoints"]);
    }

    [Fact]
    public async Task Html_answers_the_event_streams()
    {
        using var cts = T.Deadline();
        foreach (var route in new[] { "queue/data?session_hash=x", "call/Op1/x" })
        {
            using var response = await _http.GetAsync(Url("html-queue-data", route), cts.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_fault_leaves_the_other_routes_working_and_an_unknown_fault_is_404()
    {
        using var cts = T.Deadline();
        var config = JsonNode.Parse(await _http.GetStringAsync(new Uri(_server.BaseUrl, "fault/stalled-download/config"), cts.Token))!;
        Assert.StartsWith(new Uri(_server.BaseUrl, "fault/stalled-download").AbsoluteUri, (string?)config["root"], StringComparison.Ordinal);
        using var unknown = await _http.GetAsync(new Uri(_server.BaseUrl, "fault/no-such-fault/config"), cts.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Many_app_lists_thousands_of_endpoints()
    {
        using var cts = T.Deadline();
        var options = Options("many:2500");
        await using var server = await FakeGradioServer.StartAsync(options, cts.Token);
        var info = JsonNode.Parse(await _http.GetStringAsync(new Uri(server.BaseUrl, "gradio_api/info"), cts.Token))!;
        Assert.Equal(2500, info["named_endpoints"]!.AsObject().Count);
    }
}
