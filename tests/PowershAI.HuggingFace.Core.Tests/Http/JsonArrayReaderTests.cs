using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>A listing page read element by element, within the body's size and silence bounds.</summary>
public class JsonArrayReaderTests
{
    static readonly Uri Url = new("http://hub.test/api/models");

    static HttpResponseMessage Body(Stream content) => new(HttpStatusCode.OK)
    {
        Content = new StreamContent(content),
        RequestMessage = new HttpRequestMessage(HttpMethod.Get, Url),
    };

    static Task<JsonArrayReader> Open(Stream content, long maxBytes = 1024 * 1024, int idleMs = 10_000) =>
        JsonArrayReader.OpenAsync(Body(content), maxBytes, TimeSpan.FromMilliseconds(idleMs), "GET /api/models");

    static async Task<List<string?>> ReadAll(JsonArrayReader reader, CancellationToken ct)
    {
        Assert.True(await reader.IsArrayAsync(ct));
        var items = new List<string?>();
        while (await reader.NextAsync(ct) is (true, var item)) items.Add(item?.ToJsonString());
        return items;
    }

    [Fact]
    public async Task Elements_come_in_order_whatever_the_chunking()
    {
        const string json = " [ {\"id\":\"a/b\",\"tags\":[\"x]\",\"y\"]}, 12.5, \"s,\\\"]\", null, [1,[2]], {\"n\":{\"m\":[]}}, true ] \n";
        using var deadline = T.Deadline();
        foreach (var chunk in new[] { 1, 3, 7, 4096 })
        {
            using var reader = await Open(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk));
            var items = await ReadAll(reader, deadline.Token);
            Assert.Equal(new[] { "{\"id\":\"a/b\",\"tags\":[\"x]\",\"y\"]}", "12.5", "\"s,\\u0022]\"", null, "[1,[2]]", "{\"n\":{\"m\":[]}}", "true" }, items);
        }
    }

    [Fact]
    public async Task An_element_larger_than_the_buffer_is_read_whole()
    {
        var big = new string('z', 200_000);
        using var deadline = T.Deadline();
        using var reader = await Open(new ChunkedStream(Encoding.UTF8.GetBytes($"[{{\"v\":\"{big}\"}},1]"), 1000));
        var items = await ReadAll(reader, deadline.Token);
        Assert.Equal(2, items.Count);
        Assert.Equal(big.Length + 8, items[0]!.Length);
    }

    [Fact]
    public async Task The_first_element_comes_before_the_rest_of_the_body()
    {
        using var deadline = T.Deadline();
        using var reader = await Open(new StallingStream(Encoding.UTF8.GetBytes("[{\"id\":\"first\"},{\"id\":\"sec")));
        Assert.True(await reader.IsArrayAsync(deadline.Token));
        var (found, item) = await reader.NextAsync(deadline.Token);
        Assert.True(found);
        Assert.Equal("first", (string?)item!["id"]);
    }

    [Theory]
    [InlineData("[{\"id\":\"a\"},{\"id\":}]")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\"}")]
    [InlineData("[{\"id\":\"a\"}] trailing")]
    [InlineData("[{\"id\":\"a\"},,{\"id\":\"b\"}]")]
    public async Task A_malformed_array_fails_after_the_elements_before_the_fault(string json)
    {
        using var deadline = T.Deadline();
        using var reader = await Open(new ChunkedStream(Encoding.UTF8.GetBytes(json), 5));
        Assert.True(await reader.IsArrayAsync(deadline.Token));
        var (found, first) = await reader.NextAsync(deadline.Token);
        Assert.True(found);
        Assert.Equal("a", (string?)first!["id"]);
        await Assert.ThrowsAnyAsync<JsonException>(async () =>
        {
            while ((await reader.NextAsync(deadline.Token)).Found) { }
        });
    }

    [Fact]
    public async Task Another_answer_is_not_an_array_and_is_read_whole()
    {
        using var deadline = T.Deadline();
        using var reader = await Open(new ChunkedStream(Encoding.UTF8.GetBytes("  {\"error\":\"x\"}"), 2));
        Assert.False(await reader.IsArrayAsync(deadline.Token));
        var body = await reader.ReadToEndAsync(deadline.Token);
        Assert.Equal("  {\"error\":\"x\"}", Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count));
    }

    [Fact]
    public async Task A_body_past_the_limit_fails_as_too_large_without_reading_the_rest()
    {
        var endless = new EndlessStream(at => at == 0 ? (byte)'[' : at % 2 == 1 ? (byte)'1' : (byte)',');
        using var deadline = T.Deadline();
        using var reader = await Open(endless, maxBytes: 256 * 1024);
        var failure = await Assert.ThrowsAsync<TransportFailure>(() => ReadAll(reader, deadline.Token));
        Assert.Equal(TransportFailureKind.TooLarge, failure.Kind);
        Assert.InRange(endless.Served, 256 * 1024, 512 * 1024);
    }

    [Fact]
    public async Task A_declared_length_past_the_limit_is_refused_before_reading()
    {
        var response = Body(new MemoryStream(new byte[2048]));
        response.Content.Headers.ContentLength = 2048;
        var failure = await Assert.ThrowsAsync<TransportFailure>(() => JsonArrayReader.OpenAsync(response, 1024, TimeSpan.FromSeconds(10), "GET /api/models"));
        Assert.Equal(TransportFailureKind.TooLarge, failure.Kind);
    }

    [Fact]
    public async Task A_page_that_stops_coming_fails_as_a_timeout()
    {
        using var deadline = T.Deadline();
        using var reader = await Open(new StallingStream(Encoding.UTF8.GetBytes("[{\"id\":\"first\"},")), idleMs: 200);
        Assert.True(await reader.IsArrayAsync(deadline.Token));
        Assert.True((await reader.NextAsync(deadline.Token)).Found);
        var failure = await Assert.ThrowsAsync<TransportFailure>(() => reader.NextAsync(deadline.Token));
        Assert.Equal(TransportFailureKind.Timeout, failure.Kind);
    }

    [Fact]
    public async Task Cancelling_mid_page_ends_the_read_as_cancelled()
    {
        using var deadline = T.Deadline();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        using var reader = await Open(new StallingStream(Encoding.UTF8.GetBytes("[{\"id\":\"first\"},{\"id\":")));
        Assert.True(await reader.IsArrayAsync(cancel.Token));
        Assert.True((await reader.NextAsync(cancel.Token)).Found);
        var next = reader.NextAsync(cancel.Token);
        cancel.CancelAfter(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.False(deadline.IsCancellationRequested);
    }
}
