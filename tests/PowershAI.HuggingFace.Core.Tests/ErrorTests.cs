using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Every way a call can go wrong ends as a GradioException of the right kind, never a hang.</summary>
public class ErrorTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    static async Task<GradioException> Fails(Func<Task> action)
    {
        var ex = await Record.ExceptionAsync(action);
        return Assert.IsType<GradioException>(ex);
    }

    static async Task<GradioException> CallFails(GradioClient client, string api, object?[] args, CancellationToken ct, CallOptions? options = null) =>
        await Fails(async () =>
        {
            var job = await GradioCaller.SubmitAsync(client, api, args, options, ct);
            await T.ReadAll(job, ct);
        });

    [Fact]
    public async Task Unknown_api_name_lists_the_available_ones()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;

        var ex = await CallFails(client, "predcit", new object?[] { 1 }, cts.Token);
        Assert.Equal(GradioErrorKind.ApiNotFound, ex.Kind);
        Assert.Equal("/predcit", ex.Target);
        Assert.Contains("/predict", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/stream_text", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/hidden_fn", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/js_fn", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, server.Requests.Count);
    }

    [Theory]
    [InlineData(1, "operation, num2 are missing")]
    [InlineData(2, "num2 is missing")]
    [InlineData(4, "4 were given")]
    [InlineData(0, "num1, operation, num2 are missing")]
    public async Task Wrong_number_of_arguments_names_the_parameters_and_sends_nothing(int given, string expected)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;

        var args = new object?[] { 1, "add", 2, 3 }.Take(given).ToArray();
        var ex = await CallFails(client, "predict", args, cts.Token);
        Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
        Assert.Contains("num1, operation, num2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, server.Requests.Count);
    }

    [Fact]
    public async Task Missing_argument_with_a_file_sends_no_upload()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;
        var path = System.IO.Path.GetTempFileName();
        try
        {
            var ex = await CallFails(client, "file_size", new object?[] { new System.IO.FileInfo(path), "extra" }, cts.Token);
            Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
            Assert.Equal(before, server.Requests.Count);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task Closed_port_is_Unreachable()
    {
        using var cts = T.Deadline();
        var client = T.Client($"http://127.0.0.1:{T.ClosedPort()}/");
        var ex = await Fails(() => client.GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.Unreachable, ex.Kind);
    }

    [Fact]
    public async Task Html_site_is_NotGradio()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "notgradio", o => o.Faults = FakeFaults.NotGradio);
        var ex = await Fails(() => T.Client(server).GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.NotGradio, ex.Kind);
        // It looked for /config and both places /info can be.
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/config");
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/gradio_api/info");
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/info");
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V6)] // its 401 body is an object (docs/gradio-protocol.md §1)
    public async Task Login_required_then_bad_login_then_good_login(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile, "auth", o => o.Auth = ("ada", "lovelace"));
        var url = server.BaseUrl.AbsoluteUri;

        var none = await Fails(() => T.Client(url).GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.AuthenticationRequired, none.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        var bad = await Fails(() => T.Client(url, new GradioClientOptions { Credential = new NetworkCredential("ada", "wrong") }).GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.AuthenticationFailed, bad.Kind);
        Assert.Contains("Incorrect credentials", bad.Message, StringComparison.Ordinal);

        var good = T.Client(url, new GradioClientOptions { Credential = new NetworkCredential("ada", "lovelace"), Timeout = TimeSpan.FromSeconds(10) });
        var result = await T.Result(good, "predict", new object?[] { 1, "add", 2 }, cts.Token);
        Assert.Equal(3, result[0]!.GetValue<int>());
        var login = server.Requests.Last(r => r.PathAndQuery == "/login");
        Assert.Equal("username=ada&password=lovelace", login.Body);
    }

    [Theory]
    [InlineData(GradioProfile.V3)]
    [InlineData(GradioProfile.V4_0)]
    [InlineData(GradioProfile.V4_44)]
    public async Task Login_cookies_reach_every_transport(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile, "auth", o => o.Auth = ("u", "p"));
        var client = T.Client(server, new GradioClientOptions { Credential = new NetworkCredential("u", "p"), Timeout = TimeSpan.FromSeconds(10) });
        Assert.Equal("Finished", T.Text((await T.Result(client, "Op1", new object?[] { "1" }, cts.Token))[0]));
        if (profile == GradioProfile.V4_44)
            Assert.Equal(2, (await T.Result(client, "predict", new object?[] { 1, "add", 1 }, cts.Token, new CallOptions { Protocol = GradioProtocol.Call }))[0]!.GetValue<int>());
    }

    [Fact]
    public async Task Run_blocked_by_api_open_false_is_HttpError_404()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5, "closed", o => o.ApiOpen = false));
        var ex = await CallFails(client, "predict", new object?[] { 1, "add", 2 }, cts.Token, new CallOptions { Protocol = GradioProtocol.Run });
        Assert.Equal(GradioErrorKind.HttpError, ex.Kind);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("join the queue", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GradioProfile.V5, "KeyError: 99")]
    [InlineData(GradioProfile.V4_44, "Internal Server Error")]
    public async Task Server_error_500_is_HttpError_with_the_detail(GradioProfile profile, string detail)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var app = await client.GetAppInfoAsync(cts.Token);
        var body = new JsonObject { ["data"] = new JsonArray(), ["fn_index"] = 99, ["session_hash"] = "x" };
        var ex = await Fails(() => client.PostJsonAsync(GradioUrl.Join(app.ApiBase, "queue/join"), body, "Joining", cts.Token));
        Assert.Equal(GradioErrorKind.HttpError, ex.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_route_is_HttpError_404()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var app = await client.GetAppInfoAsync(cts.Token);
        var ex = await Fails(() => client.GetJsonAsync(GradioUrl.Join(app.ApiBase, "no/such/route"), "Reading", cts.Token));
        Assert.Equal(GradioErrorKind.HttpError, ex.Kind);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Malformed_info_json_is_MalformedResponse()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "badinfo", o => o.Faults = FakeFaults.MalformedInfoJson);
        var ex = await Fails(() => T.Client(server).GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }

    [Theory]
    [InlineData(GradioProfile.V5, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V5, GradioProtocol.Call)]
    [InlineData(GradioProfile.V4_9, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V4_0, GradioProtocol.Queue)]
    public async Task Malformed_sse_is_MalformedResponse(GradioProfile profile, GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile, "badsse", o => o.Faults = FakeFaults.MalformedSse));
        var ex = await CallFails(client, "stream_text", new object?[] { "abc" }, cts.Token, new CallOptions { Protocol = protocol });
        Assert.Equal(GradioErrorKind.MalformedResponse, ex.Kind);
    }

    [Theory]
    [InlineData(GradioProfile.V5, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V5, GradioProtocol.Call)]
    [InlineData(GradioProfile.V4_17, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V4_0, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V3, GradioProtocol.Queue)]
    public async Task Stream_dropped_midway_is_StreamDropped(GradioProfile profile, GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile, "drop", o => o.Faults = FakeFaults.DropStreamMidway));
        var job = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "abcdef" }, new CallOptions { Protocol = protocol }, cts.Token);
        var seen = new System.Collections.Generic.List<GradioEvent>();
        var ex = await Fails(async () =>
        {
            while (await job.ReadAsync(cts.Token) is { } e) seen.Add(e);
        });
        Assert.True(ex.Kind == GradioErrorKind.StreamDropped, $"Expected StreamDropped, got {ex.Kind}: {ex.Message} / {ex.InnerException}");
        Assert.DoesNotContain(seen, e => e.IsTerminal);
    }

    [Theory]
    [InlineData(GradioProfile.V5, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V5, GradioProtocol.Call)]
    [InlineData(GradioProfile.V4_0, GradioProtocol.Queue)]
    [InlineData(GradioProfile.V3, GradioProtocol.Queue)]
    public async Task Full_queue_is_QueueFull(GradioProfile profile, GradioProtocol protocol)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile, "full", o => o.MaxQueueSize = 1);
        var client = T.Client(server);
        var options = new CallOptions { Protocol = protocol };
        // One /long running (out of the line), one waiting behind it: the line is full.
        var running = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), options, cts.Token);
        GradioJob? waiting = null;
        try
        {
            await T.ReadUntil(running, GradioEventKind.Generating, cts.Token);
            waiting = await GradioCaller.SubmitAsync(client, "long", Array.Empty<object?>(), options, cts.Token);
            if (profile <= GradioProfile.V4_0) await T.ReadUntil(waiting, GradioEventKind.Estimation, cts.Token);
            else await Task.Delay(50, cts.Token); // the join was answered, so the job is in the line

            var ex = await CallFails(client, "long", Array.Empty<object?>(), cts.Token, options);
            Assert.Equal(GradioErrorKind.QueueFull, ex.Kind);
        }
        finally
        {
            await running.CancelAsync();
            if (waiting != null) await waiting.CancelAsync();
        }
    }

    [Fact]
    public async Task Hanging_server_is_a_Timeout()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "hang", o => o.Faults = FakeFaults.HangConfig);
        var client = T.Client(server, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(1) });
        var ex = await Fails(() => client.GetAppInfoAsync(cts.Token));
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
        Assert.False(cts.IsCancellationRequested);
    }

    [Fact]
    public async Task Silent_event_stream_is_a_Timeout()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "silent", o =>
        {
            o.StepDelay = TimeSpan.FromSeconds(20);
            o.HeartbeatInterval = TimeSpan.FromSeconds(20);
        });
        var client = T.Client(server, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(5), StreamIdleTimeout = TimeSpan.FromMilliseconds(500) });
        var job = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "ab" }, null, cts.Token);
        var ex = await Fails(() => T.ReadAll(job, cts.Token));
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task Caller_cancellation_stays_an_OperationCanceledException()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5, "hang", o => o.Faults = FakeFaults.HangConfig));
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        mine.CancelAfter(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAppInfoAsync(mine.Token));
    }

    [Fact]
    public async Task Wrong_radio_choice_is_an_app_error_with_the_text()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var error = T.Terminal(await T.Run(client, "predict", new object?[] { 1, "power", 2 }, cts.Token));
        Assert.Equal(GradioEventKind.Error, error.Kind);
        Assert.StartsWith("Value: 'power' is not in the list of choices", error.Message, StringComparison.Ordinal);
    }
}
