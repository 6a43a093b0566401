using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Http;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The connection controls against the fake server: what reaches the wire, and a self-signed TLS front.</summary>
public class ConnectionControlTests
{
    static GradioClientOptions With(ConnectionOverrides overrides) => new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        Settings = ConnectionSettings.Default.With(overrides),
    };

    [Fact]
    public async Task The_server_sees_the_headers_the_user_agent_and_compressed_answers_accepted()
    {
        using var cts = T.Deadline();
        await using var server = await ServerFixture.Start(GradioProfile.V5, o => o.App = "simple");
        var client = T.Client(server, With(new ConnectionOverrides
        {
            Headers = new Dictionary<string, string> { ["X-IP-Token"] = "ip-7" },
            UserAgent = "Agent/3",
        }));
        await client.GetAppInfoAsync(cts.Token);
        var requests = server.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.Equal("ip-7", r.Headers["X-IP-Token"]);
            Assert.Equal("Agent/3", r.Headers["User-Agent"]);
            var accepted = r.Headers["Accept-Encoding"].Split(',').Select(e => e.Trim()).ToList();
            Assert.Contains("gzip", accepted);
            Assert.Contains("br", accepted);
        });
    }

    [Fact]
    public async Task A_self_signed_front_is_unreachable_unless_the_check_is_skipped()
    {
        using var cts = T.Deadline();
        await using var server = await ServerFixture.Start(GradioProfile.V5, o =>
        {
            o.App = "simple";
            o.Https = true;
        });
        Assert.Equal("https", server.BaseUrl.Scheme);
        var refused = await Assert.ThrowsAsync<GradioException>(() => T.Client(server).GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.Unreachable, refused.Kind);
        var app = await T.Client(server, With(new ConnectionOverrides { SkipCertificateCheck = true })).GetAppInfoAsync(cts.Token);
        Assert.NotNull(app.FindEndpoint("Op1"));
    }
}
