using System;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;
using FakeGradio = PowershAI.HuggingFace.FakeGradio;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubTokenScopeTests
{
    [Fact]
    public async Task The_token_goes_to_the_hub_with_our_user_agent()
    {
        await using var hub = await H.Start();
        await H.Client(hub, FakeHubOptions.AliceToken).WhoamiAsync();

        var sent = H.To(hub, "/api/whoami-v2").Single();
        Assert.Equal("Bearer " + FakeHubOptions.AliceToken, H.Authorization(sent));
        Assert.StartsWith("PowershAI.HuggingFace/", sent.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_url_on_another_server_gets_no_token()
    {
        await using var hub = await H.Start();
        await using var other = await FakeGradio.FakeGradioServer.StartAsync(new FakeGradio.FakeGradioOptions());
        var client = H.Client(hub, FakeHubOptions.AliceToken);
        var config = await client.GetJsonAsync(new Uri(other.BaseUrl, "config").AbsoluteUri);

        Assert.NotNull(config?["components"]);
        Assert.False(client.MayReceiveToken(other.BaseUrl));
        var seen = other.Requests.Single(r => r.PathAndQuery == "/config");
        Assert.False(seen.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_redirect_to_the_CDN_drops_the_token()
    {
        await using var hub = await H.Start();
        using var response = await H.Client(hub, FakeHubOptions.AliceToken).GetAsync("/acme/tiny-gpt/resolve/main/model.safetensors");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(4096, bytes.Length);
        Assert.Equal("Bearer " + FakeHubOptions.AliceToken, H.Authorization(H.To(hub, "/acme/tiny-gpt/resolve/").Single()));
        var cdn = hub.Requests.Single(r => r.Host == hub.CdnBaseUrl.Authority);
        Assert.Null(H.Authorization(cdn));
    }

    [Fact]
    public async Task A_redirect_to_the_CDN_drops_the_callers_extra_headers_too()
    {
        await using var hub = await H.Start();
        var settings = new PowershAI.HuggingFace.Core.Http.ConnectionSettings { Headers = new System.Collections.Generic.Dictionary<string, string> { ["X-IP-Token"] = "ip-token-for-the-hub-1" } };
        using var response = await H.Client(hub, FakeHubOptions.AliceToken, o => o.Settings = settings).GetAsync("/acme/tiny-gpt/resolve/main/model.safetensors");
        Assert.Equal(4096, (await response.Content.ReadAsByteArrayAsync()).Length);

        Assert.Equal("ip-token-for-the-hub-1", H.To(hub, "/acme/tiny-gpt/resolve/").Single().Headers["X-IP-Token"]);
        var cdn = hub.Requests.Single(r => r.Host == hub.CdnBaseUrl.Authority);
        Assert.False(cdn.Headers.ContainsKey("X-IP-Token"));
        Assert.StartsWith("PowershAI.HuggingFace/", cdn.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_Space_host_the_hub_reported_may_receive_the_token()
    {
        await using var hub = await H.Start();
        await using var gradio = await FakeGradio.FakeGradioServer.StartAsync(new FakeGradio.FakeGradioOptions());
        // "localhost" names the Gradio server here, so no other test's 127.0.0.1 URL is ever in scope.
        var host = new Uri($"http://localhost:{gradio.BaseUrl.Port}/");
        hub.SetGradioHost("owner/demo", host);
        var client = H.Client(hub, FakeHubOptions.AliceToken);
        Assert.False(client.MayReceiveToken(new Uri(host, "config")));

        var space = await client.GetRepoAsync(HubRepoType.Space, "owner/demo");
        Assert.Equal(host.AbsoluteUri.TrimEnd('/'), (string?)space?["host"]);
        Assert.True(client.MayReceiveToken(new Uri(host, "config")));
        Assert.True(TokenScope.MayReceiveToken(new Uri(host, "config")));
        Assert.False(client.MayReceiveToken(gradio.BaseUrl)); // same server, but not the origin the Hub reported

        await client.GetJsonAsync(new Uri(host, "config").AbsoluteUri);
        Assert.Equal("Bearer " + FakeHubOptions.AliceToken, gradio.Requests.Single(r => r.PathAndQuery == "/config").Headers["Authorization"]);
    }

    [Fact]
    public void Scope_is_by_origin_scheme_host_and_port()
    {
        var hub = new Uri("https://huggingface.co");
        var router = new Uri("https://router.huggingface.co/v1");

        Assert.True(TokenScope.Allows(new Uri("https://huggingface.co/api/models"), hub, router));
        Assert.True(TokenScope.Allows(new Uri("https://HuggingFace.co:443/api/x"), hub, router));
        Assert.True(TokenScope.Allows(new Uri("https://router.huggingface.co/v1/chat/completions"), hub, router));
        Assert.False(TokenScope.Allows(new Uri("http://huggingface.co/api/models"), hub, router));
        Assert.False(TokenScope.Allows(new Uri("https://huggingface.co:8443/api/models"), hub, router));
        Assert.False(TokenScope.Allows(new Uri("https://cdn-lfs.huggingface.co/repos/x"), hub, router));
        Assert.False(TokenScope.Allows(new Uri("https://huggingface.co.evil.example/api"), hub, router));
        Assert.False(TokenScope.Allows(new Uri("https://someone-app.hf.space/"), hub, router));
    }
}
