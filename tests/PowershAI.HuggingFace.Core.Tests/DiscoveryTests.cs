using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>/config + /info read into AppInfo for every profile (docs/gradio-protocol.md §2).</summary>
public class DiscoveryTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static readonly string[] VisibleNames =
        { "/Op1", "/predict", "/stream_text", "/count", "/chat", "/file_echo", "/file_size", "/raise_error", "/raise_exception", "/slow_progress", "/long", "/nested" };

    [Theory]
    [InlineData(GradioProfile.V3, "3.50.2", "ws")]
    [InlineData(GradioProfile.V4_0, "4.8.0", "sse")]
    [InlineData(GradioProfile.V4_9, "4.16.0", "sse_v1")]
    [InlineData(GradioProfile.V4_17, "4.19.2", "sse_v2")]
    [InlineData(GradioProfile.V4_21, "4.21.0", "sse_v2.1")]
    [InlineData(GradioProfile.V4_44, "4.44.1", "sse_v3")]
    [InlineData(GradioProfile.V5, "5.14.0", "sse_v3")]
    [InlineData(GradioProfile.V6, "6.0.0", "sse_v3")]
    public async Task Version_protocol_and_prefix_per_profile(GradioProfile profile, string version, string protocol)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var app = await T.Client(server).GetAppInfoAsync(cts.Token);

        Assert.Equal(version, app.VersionText);
        Assert.Equal(Version.Parse(version), app.Version);
        Assert.Equal(protocol, app.Protocol);
        Assert.Equal(server.BaseUrl, app.Root);
        Assert.Equal(T.Prefix(profile), app.ApiPrefix);
        Assert.Equal(profile >= GradioProfile.V5 ? new Uri(server.BaseUrl, "gradio_api/") : server.BaseUrl, app.ApiBase);
        Assert.NotNull(app.Config);
        Assert.True(app.EnableQueue);
        // The config was read at the root, /info under the prefix.
        Assert.NotEmpty(T.Requests(server, "GET", "/config"));
        Assert.NotEmpty(T.Requests(server, "GET", T.Prefix(profile) + "/info"));
    }

    [Theory]
    [InlineData(GradioProfile.V3, false, false, false, false, true)]
    [InlineData(GradioProfile.V4_0, false, false, false, false, false)]
    [InlineData(GradioProfile.V4_9, true, false, false, false, false)]
    [InlineData(GradioProfile.V4_17, true, true, false, false, false)]
    [InlineData(GradioProfile.V4_21, true, true, true, false, false)]
    [InlineData(GradioProfile.V4_44, true, true, true, true, false)]
    [InlineData(GradioProfile.V5, true, true, true, true, false)]
    public async Task Capabilities_follow_the_version(GradioProfile profile, bool queue, bool diffs, bool call, bool cancel, bool files3x)
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(profile)).GetAppInfoAsync(cts.Token);
        Assert.Equal(queue, app.SupportsQueue);
        Assert.Equal(diffs, app.SendsDiffs);
        Assert.Equal(call, app.SupportsCall);
        Assert.Equal(cancel, app.SupportsCancel);
        Assert.Equal(files3x, app.Uses3xFiles);
    }

    [Theory]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V6)]
    public async Task Endpoints_listed_hidden_ones_flagged_js_and_private_left_out(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(profile)).GetAppInfoAsync(cts.Token);

        Assert.Equal(VisibleNames.OrderBy(n => n, StringComparer.Ordinal), app.Endpoints.Where(e => !e.Hidden).Select(e => e.ApiName).OrderBy(n => n, StringComparer.Ordinal));
        var hidden = Assert.Single(app.Endpoints, e => e.Hidden);
        Assert.Equal("/hidden_fn", hidden.ApiName);
        Assert.Equal(7, hidden.FnIndex);
        Assert.DoesNotContain(app.Endpoints, e => e.ApiName == "/js_fn");
    }

    [Fact]
    public async Task V3_lists_the_unnamed_endpoint_by_fn_index()
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(GradioProfile.V3)).GetAppInfoAsync(cts.Token);
        Assert.Contains(app.Endpoints, e => e.ApiName == "/predict" && e.FnIndex == 1);
        var unnamed = app.FindEndpoint("7");
        Assert.Equal("/fn_index_7", unnamed.ApiName);
        Assert.Equal(7, unnamed.FnIndex);
        Assert.Single(unnamed.Parameters);
    }

    [Theory]
    [InlineData(GradioProfile.V4_21)]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V5)]
    public async Task Endpoint_details_fn_index_parameters_and_state_slots(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(profile)).GetAppInfoAsync(cts.Token);
        var named = profile >= GradioProfile.V4_44; // parameter_name arrives with 4.23

        var predict = app.FindEndpoint("predict");
        Assert.Equal(1, predict.FnIndex);
        Assert.Equal(new[] { "num1", "operation", "num2" }, predict.Parameters.Select(p => p.DisplayName));
        Assert.Equal(new[] { "Number", "Radio", "Number" }, predict.Parameters.Select(p => p.Component));
        Assert.All(predict.Parameters, p => Assert.False(p.HasDefault));
        Assert.All(predict.Parameters, p => Assert.False(p.IsFile));
        Assert.Equal(named ? "num1" : null, predict.Parameters[0].Name);
        Assert.Equal(3, predict.InputCount);

        var op1 = app.FindEndpoint("Op1");
        Assert.True(op1.IsGenerator);
        if (named)
        {
            Assert.Equal("Duration", op1.Parameters[0].Name);
            Assert.True(op1.Parameters[0].HasDefault);
            Assert.Equal("5", T.Text(op1.Parameters[0].Default));
        }

        // State inputs are not parameters, but they keep a slot on the wire.
        var chat = app.FindEndpoint("chat");
        Assert.Single(chat.Parameters);
        Assert.Equal(2, chat.InputCount);
        var count = app.FindEndpoint("count");
        Assert.Empty(count.Parameters);
        Assert.Equal(1, count.InputCount);

        Assert.True(app.FindEndpoint("file_echo").Parameters[0].IsFile);
        Assert.Equal(14, app.FindEndpoint("nested").FnIndex);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("/predict")]
    [InlineData("  predict ")]
    [InlineData("PREDICT")]
    public async Task FindEndpoint_accepts_slash_spacing_and_case(string name)
    {
        using var cts = T.Deadline();
        var app = await T.Client(await servers.Get(GradioProfile.V5)).GetAppInfoAsync(cts.Token);
        Assert.Equal("/predict", app.FindEndpoint(name).ApiName);
    }

    /// <summary>Dependencies and names are indexed once; lookups must find what a scan in order would.</summary>
    [Fact]
    public void Indexed_lookups_keep_the_rules_of_a_scan_in_order()
    {
        static JsonObject Dep(int id, string? api, bool backend = true) => new() { ["id"] = id, ["api_name"] = api, ["inputs"] = new JsonArray(), ["outputs"] = new JsonArray(), ["backend_fn"] = backend };
        static JsonObject Endpoint() => new() { ["parameters"] = new JsonArray(), ["returns"] = new JsonArray() };
        var config = new JsonObject
        {
            ["version"] = "5.14.0",
            ["protocol"] = "sse_v3",
            ["components"] = new JsonArray(),
            // /run twice (the first wins), /Run differing in case only, a hidden route, one without a backend, one unnamed.
            ["dependencies"] = new JsonArray(Dep(0, "run"), Dep(1, "run"), Dep(2, "Run"), Dep(3, "secret"), Dep(4, "secret"), Dep(5, "js_only", backend: false), Dep(6, null)),
        };
        var info = new JsonObject
        {
            ["named_endpoints"] = new JsonObject { ["/run"] = Endpoint(), ["/Run"] = Endpoint(), ["/other"] = Endpoint() },
            ["unnamed_endpoints"] = new JsonObject { ["6"] = Endpoint() },
        };
        var app = CodeGenTests.Gen.App(info, config);

        Assert.Equal(0, app.FindEndpoint("run").FnIndex);
        Assert.Equal(2, app.FindEndpoint("Run").FnIndex);
        Assert.Equal(GradioErrorKind.ApiNotFound, Assert.Throws<GradioException>(() => app.FindEndpoint("RUN")).Kind); // two differ only in case
        Assert.Equal("/other", app.FindEndpoint("OTHER").ApiName);
        Assert.Null(app.FindEndpoint("other").FnIndex);
        Assert.Equal("/fn_index_6", app.FindEndpoint("6").ApiName);
        var hidden = Assert.Single(app.Endpoints, e => e.Hidden);
        Assert.Equal(("/secret", 3), (hidden.ApiName, hidden.FnIndex!.Value));
        Assert.Equal(GradioErrorKind.ApiNotFound, Assert.Throws<GradioException>(() => app.FindEndpoint("js_only")).Kind);
        Assert.Equal(new[] { "/run", "/Run", "/other", "/fn_index_6", "/secret" }, app.Endpoints.Select(e => e.ApiName));
    }

    [Fact]
    public async Task App_description_is_cached_until_refresh()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V4_44, "cache");
        var client = T.Client(server);
        var first = await client.GetAppInfoAsync(cts.Token);
        var again = await T.Client(server).GetAppInfoAsync(cts.Token);
        Assert.Same(first, again);
        Assert.Single(T.Requests(server, "GET", "/config"));

        var fresh = await client.GetAppInfoAsync(cts.Token, refresh: true);
        Assert.NotSame(first, fresh);
        Assert.Equal(2, T.Requests(server, "GET", "/config").Count);
    }

    [Theory]
    [InlineData("absolute", "http://{other}/gradio_api")]
    [InlineData("backslashes", "\\\\{other}\\gradio_api")]
    public async Task An_api_prefix_leading_to_another_host_is_refused_before_anything_goes_there(string variant, string template)
    {
        using var cts = T.Deadline();
        var elsewhere = await servers.Get(GradioProfile.V5, "elsewhere");
        var hostile = await servers.Get(GradioProfile.V5, "prefix-" + variant, o => o.ApiPrefix = template.Replace("{other}", elsewhere.BaseUrl.Authority));
        var client = T.Client(hostile, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10), BearerToken = "hf_secret" });

        var ex = await Assert.ThrowsAsync<GradioException>(() => client.GetAppInfoAsync(cts.Token));

        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
        Assert.Contains("leads away from " + hostile.BaseUrl, ex.Message);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task The_token_goes_to_the_apps_origin_only()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var elsewhere = await servers.Get(GradioProfile.V5, "elsewhere-token");
        var client = T.Client(server, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10), BearerToken = "hf_secret" });

        await client.GetJsonAsync(new Uri(elsewhere.BaseUrl, "config"), "Reading another host", cts.Token);

        var request = Assert.Single(T.Requests(elsewhere, "GET", "/config"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Bearer_token_goes_on_every_request()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "bearer");
        var client = T.Client(server, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10), BearerToken = "hf_secret" });
        var result = await T.Result(client, "predict", new object?[] { 2, "add", 3 }, cts.Token);
        Assert.Equal(5, result[0]!.GetValue<int>());
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.Equal("Bearer hf_secret", r.Headers.TryGetValue("Authorization", out var h) ? h : null));
    }
}
