using System;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>What users type as the app URL, and apps mounted under a sub-path (docs/gradio-protocol.md §1).</summary>
public class UrlTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("http://host:7860", "http://host:7860/")]
    [InlineData("http://host:7860/", "http://host:7860/")]
    [InlineData("host:7860", "http://host:7860/")]
    [InlineData("  https://x.hf.space  ", "https://x.hf.space/")]
    [InlineData("https://x.hf.space/gradio_api", "https://x.hf.space/")]
    [InlineData("https://x.hf.space/gradio_api/", "https://x.hf.space/")]
    [InlineData("https://x.hf.space/gradio_api/info", "https://x.hf.space/")]
    [InlineData("https://x.hf.space/config", "https://x.hf.space/")]
    [InlineData("https://x.hf.space/info", "https://x.hf.space/")]
    [InlineData("http://host/app", "http://host/app/")]
    [InlineData("http://host/app/gradio_api/info", "http://host/app/")]
    [InlineData("http://host/app/?__theme=dark", "http://host/app/")]
    public void NormalizeRoot(string input, string expected) => Assert.Equal(new Uri(expected), GradioUrl.NormalizeRoot(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ftp://host/")]
    public void NormalizeRoot_rejects_what_is_not_http(string input) =>
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => GradioUrl.NormalizeRoot(input)).Kind);

    [Theory]
    [InlineData("http://elsewhere:8080/gradio_api")]
    [InlineData("https://h/gradio_api")]
    [InlineData("\\\\elsewhere\\gradio_api")]
    [InlineData("elsewhere:8080/gradio_api")]
    public void Prefixed_refuses_a_prefix_that_leaves_the_app(string prefix)
    {
        var root = new Uri("http://h/app/");
        var ex = Assert.Throws<GradioException>(() => GradioUrl.Prefixed(root, prefix));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("leads away from http://h/app/", ex.Message);
    }

    [Fact]
    public void Join_and_Prefixed()
    {
        var root = new Uri("http://h/app/");
        Assert.Equal(new Uri("http://h/app/gradio_api/"), GradioUrl.Prefixed(root, "/gradio_api"));
        Assert.Equal(root, GradioUrl.Prefixed(root, ""));
        // A prefix outside the app's path but on its origin only moves the routes there.
        Assert.Equal(new Uri("http://h/other/"), GradioUrl.Prefixed(root, "../other"));
        Assert.Equal(new Uri("http://h/app/config"), GradioUrl.Join(root, "/config"));
        Assert.Equal(new Uri("ws://h/app/queue/join"), GradioUrl.ToWebSocket(GradioUrl.Join(root, "queue/join")));
        Assert.Equal(new Uri("wss://h/queue/join"), GradioUrl.ToWebSocket(new Uri("https://h/queue/join")));
    }

    [Theory]
    [InlineData(GradioProfile.V5, "")]
    [InlineData(GradioProfile.V5, "/")]
    [InlineData(GradioProfile.V5, "/gradio_api")]
    [InlineData(GradioProfile.V5, "/gradio_api/info")]
    [InlineData(GradioProfile.V5, "/config")]
    [InlineData(GradioProfile.V4_44, "")]
    [InlineData(GradioProfile.V4_44, "/")]
    public async Task Mounted_app_is_found_from_any_spelling(GradioProfile profile, string tail)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile, "mounted", o => o.MountPath = "/app");
        Assert.EndsWith("/app/", server.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        var url = server.BaseUrl.AbsoluteUri.TrimEnd('/') + tail;
        var client = T.Client(url);
        var app = await client.GetAppInfoAsync(cts.Token);

        Assert.Equal(server.BaseUrl, app.Root);
        Assert.Equal(profile >= GradioProfile.V5 ? new Uri(server.BaseUrl, "gradio_api/") : server.BaseUrl, app.ApiBase);
        var result = await T.Result(client, "Op1", new object?[] { "0" }, cts.Token);
        Assert.Equal("Finished", T.Text(result[0]));
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/app" + T.Prefix(profile) + "/queue/join");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Root_app_with_and_without_trailing_slash(bool slash)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var url = server.BaseUrl.AbsoluteUri.TrimEnd('/') + (slash ? "/" : "");
        var app = await T.Client(url).GetAppInfoAsync(cts.Token);
        Assert.Equal(server.BaseUrl, app.Root);
        Assert.Equal(new Uri(server.BaseUrl, "gradio_api/"), app.ApiBase);
    }
}
