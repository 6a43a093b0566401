using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

public class HttpSenderTests
{
    const string Token = "hf_secret_token_for_logs_0001";
    static readonly Uri Url = new("http://app.test/gradio_api/info");

    static HttpSender Sender(StubHandler stub) => new(HttpClients.Create(stub), new SecretRegistry());

    static HttpResponseMessage Answer(HttpStatusCode status, string body = "{}", TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        if (retryAfter is TimeSpan wait) response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        return response;
    }

    static Func<HttpRequestMessage> Get(string? token = null) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    };

    [Fact]
    public async Task Reports_each_request_and_its_answer_with_the_token_masked()
    {
        var log = new RecordingLog();
        using var response = await Sender(new StubHandler(_ => Answer(HttpStatusCode.OK, "{\"a\":1}")))
            .SendAsync(Get(Token), new HttpSendOptions { What = "Reading", Log = log }, default);
        Assert.Equal("GET http://app.test/gradio_api/info", log.Verbose[0]);
        Assert.Matches(@"^GET http://app\.test/gradio_api/info: 200 OK, 7 bytes, \d+ ms$", log.Verbose[1]);
        Assert.Contains(log.Debug, l => l == "  request Authorization: ***");
        Assert.DoesNotContain(log.Verbose.Concat(log.Debug), l => l.Contains(Token));
    }

    [Fact]
    public async Task The_connection_headers_and_user_agent_go_on_every_request_and_a_token_header_is_masked()
    {
        var settings = ConnectionSettings.Default.With(new ConnectionOverrides
        {
            Headers = new System.Collections.Generic.Dictionary<string, string> { ["X-Trace"] = "t-1", ["X-IP-Token"] = "ip-token-secret-55" },
            UserAgent = "Agent/9",
        });
        var stub = new StubHandler(_ => Answer(HttpStatusCode.OK), _ => Answer(HttpStatusCode.OK));
        var sender = new HttpSender(HttpClients.Create(stub), new SecretRegistry(), settings);
        var log = new RecordingLog();
        for (var i = 0; i < 2; i++)
            using (await sender.SendAsync(Get(), new HttpSendOptions { Log = log }, default)) { }
        Assert.All(stub.Requests, r =>
        {
            Assert.Equal("t-1", r.Headers.GetValues("X-Trace").Single());
            Assert.Equal("ip-token-secret-55", r.Headers.GetValues("X-IP-Token").Single());
            Assert.Equal("Agent/9", string.Join(" ", r.Headers.GetValues("User-Agent")));
        });
        Assert.Contains("  request X-IP-Token: ***", log.Debug);
        Assert.DoesNotContain(log.Debug, l => l.Contains("ip-token-secret-55"));
        // An answer that echoes it is shown masked too.
        Assert.Equal("echo: ***", sender.Secrets.Redact("echo: ip-token-secret-55"));
    }

    [Fact]
    public async Task A_429_is_sent_again_after_the_wait_the_server_asks_for_and_the_wait_is_reported()
    {
        var stub = new StubHandler(_ => Answer((HttpStatusCode)429, retryAfter: TimeSpan.Zero), _ => Answer(HttpStatusCode.OK));
        var log = new RecordingLog();
        using var response = await Sender(stub).SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url),
            new HttpSendOptions { Log = log, Retry = new RetryPolicy() }, default);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains("HTTP 429, waiting 0 s, attempt 2 of 3.", log.Verbose);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_is_not_waited_for()
    {
        var stub = new StubHandler(_ => Answer((HttpStatusCode)429, retryAfter: TimeSpan.FromHours(1)));
        using var response = await Sender(stub).SendAsync(Get(), new HttpSendOptions { Retry = new RetryPolicy() }, default);
        Assert.Equal(429, (int)response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_only_for_reads_and_only_when_the_policy_says_so()
    {
        var post = new StubHandler(_ => Answer(HttpStatusCode.ServiceUnavailable), _ => Answer(HttpStatusCode.OK));
        using (var r = await Sender(post).SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url),
            new HttpSendOptions { Retry = new RetryPolicy { RetryServerErrors = true, InitialBackoff = TimeSpan.Zero } }, default))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Single(post.Requests);

        var gradio = new StubHandler(_ => Answer(HttpStatusCode.ServiceUnavailable), _ => Answer(HttpStatusCode.OK));
        using (var r = await Sender(gradio).SendAsync(Get(), new HttpSendOptions { Retry = new RetryPolicy() }, default))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);

        var hub = new StubHandler(_ => Answer(HttpStatusCode.ServiceUnavailable), _ => Answer(HttpStatusCode.OK));
        using (var r = await Sender(hub).SendAsync(Get(), new HttpSendOptions { Retry = new RetryPolicy { RetryServerErrors = true, InitialBackoff = TimeSpan.Zero } }, default))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(2, hub.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_an_Unreachable_transport_failure()
    {
        var sender = new HttpSender(HttpClients.Create(cookies: null, followRedirects: false), new SecretRegistry());
        var failure = await Assert.ThrowsAsync<TransportFailure>(() =>
            sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/"), new HttpSendOptions { What = "Reading" }, default));
        Assert.Equal(TransportFailureKind.Unreachable, failure.Kind);
        Assert.StartsWith("Reading: cannot reach http://127.0.0.1:9", failure.Message);
    }

    [Fact]
    public async Task A_dead_proxy_the_caller_named_is_named_in_the_failure()
    {
        var settings = new ConnectionSettings { Proxy = new Uri("http://127.0.0.1:9/") };
        var sender = new HttpSender(HttpClients.Create(cookies: null, followRedirects: false, settings), new SecretRegistry(), settings);
        var failure = await Assert.ThrowsAsync<TransportFailure>(() =>
            sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "http://app.test/config"), new HttpSendOptions { What = "Reading" }, default));
        Assert.Equal(TransportFailureKind.Unreachable, failure.Kind);
        Assert.StartsWith("Reading: cannot reach http://app.test through the proxy http://127.0.0.1:9 (", failure.Message);
    }

    [Fact]
    public void Server_text_is_shown_with_every_secret_sent_masked()
    {
        var secrets = new SecretRegistry();
        var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Add("Cookie", "access-token=cookievalue123; other=second-value");
        secrets.AddFrom(request);
        var echoed = $"Bad request. Headers: Authorization: Bearer {Token}; Cookie: access-token=cookievalue123; other=second-value";
        var shown = secrets.Redact(echoed);
        Assert.DoesNotContain(Token, shown);
        Assert.DoesNotContain("cookievalue123", shown);
        Assert.DoesNotContain("second-value", shown);
        Assert.Contains("Bearer ***", shown);
    }

    [Fact]
    public void A_URL_s_credential_parameters_and_password_are_secrets_and_its_other_parameters_are_not()
    {
        var secrets = new SecretRegistry();
        secrets.AddFrom(new Uri("https://user:p%40ssword9@cdn.test/f.bin?X-Amz-Signature=abcdef123456&X-Amz-Credential=AKIA%2F2026%2Fus&__sign=eyJsigned.value&access_token=hf_querysecret1&author=google-research&Expires=1764900000"));
        var shown = secrets.Redact("sig abcdef123456, cred AKIA/2026/us, sign eyJsigned.value, token hf_querysecret1, pass p@ssword9, by google-research until 1764900000");
        Assert.Equal("sig ***, cred ***, sign ***, token ***, pass ***, by google-research until 1764900000", shown);
    }

    [Fact]
    public async Task A_signed_URL_is_logged_with_its_signature_masked_and_so_is_a_redirect_to_one()
    {
        var log = new RecordingLog();
        var signed = new Uri("http://app.test/file=x.bin?__sign=eyJsecretsig0001");
        var cdn = "https://cdn.test/x.bin?X-Amz-Signature=cdnsecret0002&Expires=99";
        var stub = new StubHandler(_ =>
        {
            var moved = Answer(HttpStatusCode.Found);
            moved.Headers.Location = new Uri(cdn);
            return moved;
        });
        using var response = await new HttpSender(HttpClients.Create(stub), new SecretRegistry())
            .SendAsync(() => new HttpRequestMessage(HttpMethod.Get, signed), new HttpSendOptions { Log = log }, default);
        Assert.Equal("GET http://app.test/file=x.bin?__sign=***", log.Verbose[0]);
        Assert.Contains(log.Debug, l => l == "  response Location: https://cdn.test/x.bin?X-Amz-Signature=***&Expires=99");
        Assert.DoesNotContain(log.Verbose.Concat(log.Debug), l => l.Contains("eyJsecretsig0001") || l.Contains("cdnsecret0002"));
    }
}
