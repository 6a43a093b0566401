using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>The size and silence bounds on bodies and event streams.</summary>
public class BoundsTests
{
    static readonly Uri Url = new("http://app.test/x");

    static HttpResponseMessage Body(Stream content) => new(HttpStatusCode.OK)
    {
        Content = new StreamContent(content),
        RequestMessage = new HttpRequestMessage(HttpMethod.Get, Url),
    };

    [Fact]
    public async Task A_body_past_the_limit_fails_as_too_large_without_reading_the_rest()
    {
        var endless = new EndlessStream(_ => (byte)' ');
        using var response = Body(endless);
        var failure = await Assert.ThrowsAsync<TransportFailure>(() => BoundedBody.ReadAsync(response, 1024 * 1024, TimeSpan.FromSeconds(10), "Reading", default));
        Assert.Equal(TransportFailureKind.TooLarge, failure.Kind);
        Assert.Contains("larger than 1 MB", failure.Message);
        Assert.Contains("POWERSHAI_HF_MAX_JSON_MB raises it", failure.Message);
        Assert.InRange(endless.Served, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public async Task A_body_that_stops_coming_fails_as_a_timeout()
    {
        using var response = Body(new StallingStream(Encoding.UTF8.GetBytes("{\"partial")));
        using var deadline = T.Deadline();
        var failure = await Assert.ThrowsAsync<TransportFailure>(() => BoundedBody.ReadAsync(response, 1024, TimeSpan.FromMilliseconds(200), "Reading", deadline.Token));
        Assert.Equal(TransportFailureKind.Timeout, failure.Kind);
    }

    [Fact]
    public async Task An_event_stream_message_past_the_limit_fails_as_too_large()
    {
        var text = "data: {\"msg\":\"small\"}\n\ndata: \"" + new string('x', 5000) + "\"\n\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var failure = await Assert.ThrowsAsync<TransportFailure>(async () =>
        {
            await foreach (var item in SseReader.EnumerateAsync(stream, (_, d) => d.Length, TimeSpan.FromSeconds(10), 1000, "Reading", Url, default))
                Assert.True(item.Data < 1000);
        });
        Assert.Equal(TransportFailureKind.TooLarge, failure.Kind);
        Assert.Contains("POWERSHAI_HF_MAX_MESSAGE_MB raises it", failure.Message);
    }

    [Fact]
    public async Task Messages_under_the_limit_pass_whatever_the_stream_length()
    {
        var message = "data: " + new string('y', 900) + "\n\n";
        var text = new StringBuilder();
        for (var i = 0; i < 50; i++) text.Append(message);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var count = 0;
        await foreach (var item in SseReader.EnumerateAsync(stream, (_, d) => d.Length, TimeSpan.FromSeconds(10), 1000, "Reading", Url, default))
        {
            Assert.Equal(900, item.Data);
            count++;
        }
        Assert.Equal(50, count);
    }

    [Fact]
    public async Task Lines_ended_by_CR_LF_count_toward_the_limit_without_their_line_ends()
    {
        // 3 data lines of 300 bytes make a 900-byte message: under the limit of 1000, CR LF or not.
        var line = "data: " + new string('z', 294) + "\r\n";
        var under = line + line + line + "\r\n";
        var over = line + line + line + line + "\r\n";
        using var ok = new MemoryStream(Encoding.UTF8.GetBytes(under + under + under));
        var count = 0;
        await foreach (var item in SseReader.EnumerateAsync(ok, (_, d) => d.Length, TimeSpan.FromSeconds(10), 1000, "Reading", Url, default))
            count++;
        Assert.Equal(3, count);
        using var tooLarge = new MemoryStream(Encoding.UTF8.GetBytes(under + over));
        var failure = await Assert.ThrowsAsync<TransportFailure>(async () =>
        {
            await foreach (var item in SseReader.EnumerateAsync(tooLarge, (_, d) => d.Length, TimeSpan.FromSeconds(10), 1000, "Reading", Url, default)) { }
        });
        Assert.Equal(TransportFailureKind.TooLarge, failure.Kind);
    }

    [Fact]
    public void Only_an_event_stream_is_taken_for_one()
    {
        var html = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html></html>", Encoding.UTF8, "text/html") };
        var sse = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("data: 1\n\n", Encoding.UTF8, "text/event-stream") };
        Assert.False(SseReader.IsEventStream(html));
        Assert.True(SseReader.IsEventStream(sse));
    }

    [Fact]
    public async Task The_time_a_reader_holds_an_event_is_not_silence_but_a_stream_gone_silent_still_times_out()
    {
        using var deadline = T.Deadline();
        var stream = new StallingStream(Encoding.UTF8.GetBytes("data: a\n\n"), Encoding.UTF8.GetBytes("data: b\n\n"));
        var items = SseReader.EnumerateAsync(stream, (_, d) => Encoding.UTF8.GetString(d.ToArray()), TimeSpan.FromMilliseconds(200), 1000, "Reading", Url, deadline.Token)
            .GetAsyncEnumerator(deadline.Token);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("a", items.Current.Data);
        // Held three times the bound: the next event comes when asked for.
        await Task.Delay(600, deadline.Token);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal("b", items.Current.Data);
        var failure = await Assert.ThrowsAsync<TransportFailure>(async () => await items.MoveNextAsync());
        Assert.Equal(TransportFailureKind.Timeout, failure.Kind);
        await items.DisposeAsync();
    }
}
