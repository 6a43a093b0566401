using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>HTTP answers and transport failures turned into error kinds (docs/gradio-protocol.md §6.1).</summary>
public class GradioFailureTests
{
    static GradioException From(int status, string body, string contentType = "application/json")
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://h/x"),
        };
        return GradioFailure.FromResponse(response, body, "Doing it");
    }

    [Theory]
    [InlineData(401, "{\"detail\":\"Not authenticated\"}", GradioErrorKind.AuthenticationRequired)]
    [InlineData(401, "{\"detail\":{\"error\":\"Not authenticated\",\"auth_message\":null}}", GradioErrorKind.AuthenticationRequired)]
    [InlineData(403, "{\"detail\":\"File not allowed: /etc/passwd.\"}", GradioErrorKind.FileError)]
    [InlineData(403, "{\"detail\":\"Forbidden\"}", GradioErrorKind.HttpError)]
    [InlineData(413, "File size exceeded maximum allowed size of 10 bytes.", GradioErrorKind.FileError)]
    [InlineData(422, "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"data\"],\"msg\":\"Field required\"}]}", GradioErrorKind.InvalidArguments)]
    [InlineData(400, "{\"detail\":\"Session hash not found.\"}", GradioErrorKind.InvalidArguments)]
    [InlineData(503, "{\"detail\":\"Queue is full. Max size is 1 and size is 1.\"}", GradioErrorKind.QueueFull)]
    [InlineData(503, "{\"detail\":\"Queue is stopped.\"}", GradioErrorKind.QueueFull)]
    [InlineData(503, "<html>Service Unavailable</html>", GradioErrorKind.HttpError)]
    [InlineData(404, "{\"detail\":\"Not Found\"}", GradioErrorKind.HttpError)]
    [InlineData(500, "Internal Server Error", GradioErrorKind.HttpError)]
    [InlineData(429, "", GradioErrorKind.HttpError)]
    public void Status_codes_map_to_kinds(int status, string body, GradioErrorKind kind)
    {
        var ex = From(status, body);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("http://h/x", ex.Target);
    }

    [Fact]
    public void Message_names_the_action_status_and_detail()
    {
        var ex = From(404, "{\"detail\":\"This API endpoint does not accept direct HTTP POST requests.\"}");
        Assert.Equal("Doing it failed with HTTP 404 Not Found: This API endpoint does not accept direct HTTP POST requests.", ex.Message);
    }

    [Theory]
    [InlineData("{\"detail\":\"Queue is full.\"}", "Queue is full.")]
    [InlineData("{\"error\":\"boom\"}", "boom")]
    [InlineData("{\"detail\":[{\"msg\":\"Field required\",\"loc\":[\"body\",\"data\"]},{\"message\":\"too small\"}]}", "Field required (body.data); too small")]
    [InlineData("{\"detail\":{\"error\":\"Not authenticated\",\"auth_message\":null}}", "Not authenticated")]
    [InlineData("{\"detail\":{\"auth_message\":\"hi\"}}", "{\"auth_message\":\"hi\"}")]
    [InlineData("<!doctype html><p>404</p>", "(an HTML page)")]
    [InlineData("Traceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 99\n", "KeyError: 99")]
    [InlineData("   ", "")]
    [InlineData("line one\r\nline two", "line one  line two")]
    [InlineData("{not json", "{not json")]
    public void Detail_reads_fastapi_traceback_and_plain_bodies(string body, string expected) => Assert.Equal(expected, GradioFailure.Detail(body));

    [Fact]
    public void Detail_is_cut_to_a_readable_length()
    {
        var detail = GradioFailure.Detail(new string('x', 1000));
        Assert.Equal(301, detail.Length);
        Assert.EndsWith("…", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_connection_is_Unreachable()
    {
        var ex = new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));
        var mapped = Assert.IsType<GradioException>(GradioFailure.FromException(ex, "Reading", new Uri("http://127.0.0.1:1/config"), timedOut: false));
        Assert.Equal(GradioErrorKind.Unreachable, mapped.Kind);
        Assert.Contains("http://127.0.0.1:1", mapped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_reset_by_a_server_that_answered_before_is_not_Unreachable()
    {
        // What HttpClient throws when the peer resets the connection before the response headers
        // were read, e.g. a proxy cutting an event stream: the server is reachable, the stream broke.
        var reset = new HttpRequestException("An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
        var mapped = Assert.IsType<GradioException>(GradioFailure.FromException(reset, "Reading the queue stream", new Uri("http://h/queue/data"), timedOut: false));
        Assert.Equal(GradioErrorKind.StreamDropped, mapped.Kind);
    }

    [Fact]
    public void Timeout_wins_over_the_exception_type()
    {
        var mapped = Assert.IsType<GradioException>(GradioFailure.FromException(new TaskCanceledException(), "Reading", new Uri("http://h/config"), timedOut: true));
        Assert.Equal(GradioErrorKind.Timeout, mapped.Kind);
    }

    [Fact]
    public void Caller_cancellation_passes_through()
    {
        var oce = new OperationCanceledException();
        Assert.Same(oce, GradioFailure.FromException(oce, "Reading", new Uri("http://h/config"), timedOut: false));
    }

    [Fact]
    public void Broken_read_is_StreamDropped()
    {
        var mapped = Assert.IsType<GradioException>(GradioFailure.FromException(new IOException("The response ended prematurely."), "Reading", new Uri("http://h/x"), timedOut: false));
        Assert.Equal(GradioErrorKind.StreamDropped, mapped.Kind);
    }

    [Fact]
    public void A_GradioException_passes_through()
    {
        var original = new GradioException(GradioErrorKind.QueueFull, "full");
        Assert.Same(original, GradioFailure.FromException(original, "x", new Uri("http://h/"), timedOut: true));
    }
}
