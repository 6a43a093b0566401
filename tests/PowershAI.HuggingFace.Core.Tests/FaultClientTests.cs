using System;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// The client against the fake server's faults (tests/FakeGradio/FaultRoutes.cs): each ends
/// with a classified failure, within its bound, without holding more than the limits allow,
/// and without quoting a secret it sent.
/// </summary>
public sealed class FaultClientTests : IClassFixture<ServerFixture>
{
    const string Token = "hf_fault_client_token_0007";
    readonly ServerFixture _servers;

    public FaultClientTests(ServerFixture servers) => _servers = servers;

    async Task<string> Root(string fault)
    {
        var server = await _servers.Get(GradioProfile.V5, "faults", o =>
        {
            o.StallLimit = TimeSpan.FromSeconds(5);
            o.EndlessLimit = TimeSpan.FromSeconds(5);
        });
        return new Uri(server.BaseUrl, $"fault/{fault}/").AbsoluteUri;
    }

    static GradioClient Client(string root) => T.Client(root, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10), BearerToken = Token });

    [Fact]
    public async Task A_gzip_bomb_info_fails_as_too_large_instead_of_inflating_it_all()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("gzip-bomb-info/300000000"));
        var ex = await Assert.ThrowsAsync<GradioException>(() => client.GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.ResponseTooLarge, ex.Kind);
        Assert.Contains("64 MB", ex.Message);
    }

    [Fact]
    public async Task A_message_larger_than_the_limit_fails_as_too_large()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("huge-sse-message/100000000"));
        var job = await GradioCaller.SubmitAsync(client, "Op1", new object?[] { "1" }, new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        var ex = await Assert.ThrowsAsync<GradioException>(() => T.ReadAll(job, cts.Token));
        Assert.Equal(GradioErrorKind.ResponseTooLarge, ex.Kind);
    }

    [Fact]
    public async Task A_large_message_under_the_limit_arrives_whole()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("huge-sse-message/5000000"));
        var result = await T.Result(client, "Op1", new object?[] { "1" }, cts.Token, new CallOptions { SessionHash = T.NewSession() });
        Assert.Equal(5000000, T.Text(result[0])!.Length);
    }

    [Fact]
    public async Task An_error_page_that_echoes_the_token_is_quoted_with_the_token_masked()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("echo-secrets-http-error"));
        var ex = await Assert.ThrowsAsync<GradioException>(() => GradioCaller.SubmitAsync(client, "Op1", new object?[] { "1" }, new CallOptions { SessionHash = T.NewSession() }, cts.Token));
        Assert.Equal(GradioErrorKind.HttpError, ex.Kind);
        Assert.Contains("Bearer ***", ex.Message);
        Assert.DoesNotContain(Token, ex.ToString());
    }

    [Theory]
    [InlineData(GradioProtocol.Queue)]
    [InlineData(GradioProtocol.Call)]
    public async Task An_html_page_where_events_were_expected_is_a_malformed_answer(GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = Client(await Root("html-queue-data"));
        var job = await GradioCaller.SubmitAsync(client, "Op1", new object?[] { "1" }, new CallOptions { Protocol = protocol, SessionHash = T.NewSession() }, cts.Token);
        var ex = await Assert.ThrowsAsync<GradioException>(() => T.ReadAll(job, cts.Token));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("text/html", ex.Message);
    }

    [Fact]
    public async Task A_429_is_waited_out_as_the_app_asks()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("rate-limited/2"));
        var result = await T.Result(client, "Op1", new object?[] { "0" }, cts.Token, new CallOptions { SessionHash = T.NewSession() });
        Assert.NotEmpty(result);
    }

    [Fact]
    public async Task Past_the_retries_a_429_says_how_long_the_app_asked_to_wait()
    {
        using var cts = T.Deadline();
        var client = Client(await Root("rate-limited/5"));
        var ex = await Assert.ThrowsAsync<GradioException>(() => client.GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.HttpError, ex.Kind);
        Assert.Equal(429, (int?)ex.StatusCode);
        Assert.Contains("wait 1 s (Retry-After)", ex.Message);
    }
}
