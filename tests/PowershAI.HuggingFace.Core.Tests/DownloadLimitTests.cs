using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// Downloads from a server that misbehaves (the fake server's download faults) end with a
/// classified failure, within their bounds, and leave no .partial file behind.
/// </summary>
public sealed class DownloadLimitTests(ServerFixture servers) : IClassFixture<ServerFixture>, IDisposable
{
    readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "download-limits-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static readonly JsonObject AnyFile = new() { ["path"] = "/tmp/fault.bin", ["orig_name"] = "fault.bin" };

    async Task<GradioException> DownloadFails(string fault, DownloadLimits? limits, int timeoutSec = 2, FakeGradioServer? server = null)
    {
        using var cts = T.Deadline();
        server ??= await servers.Get(GradioProfile.V5);
        var client = T.Client(new Uri(server.BaseUrl, $"fault/{fault}/").AbsoluteUri, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(timeoutSec) });
        var app = await client.GetAppInfoAsync(cts.Token);
        return await Assert.ThrowsAsync<GradioException>(() => GradioFiles.DownloadAsync(client, app, (JsonObject)AnyFile.DeepClone(), _dir, null, cts.Token, limits));
    }

    [Fact]
    public async Task A_body_silent_longer_than_the_timeout_fails_as_Timeout_and_leaves_no_partial_file()
    {
        var ex = await DownloadFails("stalled-download", null);
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
        Assert.Contains("fault.bin", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task The_idle_bound_can_be_set_apart_from_the_timeout()
    {
        var ex = await DownloadFails("stalled-download", new DownloadLimits { IdleTimeout = TimeSpan.FromSeconds(1) }, timeoutSec: 20);
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_deadline_ends_a_download_that_is_not_silent_for_long_enough_to_time_out()
    {
        var limits = new DownloadLimits { Deadline = DateTimeOffset.UtcNow.AddSeconds(1) };
        var ex = await DownloadFails("stalled-download", limits, timeoutSec: 20);
        Assert.Equal(GradioErrorKind.Timeout, ex.Kind);
        Assert.Contains("deadline", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        // The stalled download announces 1 GiB: refused on its headers, so no timeout is waited for.
        var ex = await DownloadFails("stalled-download", new DownloadLimits { MaxBytes = 1_000_000 }, timeoutSec: 20);
        Assert.Equal(GradioErrorKind.ResponseTooLarge, ex.Kind);
        Assert.Contains("1000000", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_body_without_a_length_stops_at_the_limit()
    {
        var ex = await DownloadFails("endless-download/20000000", new DownloadLimits { MaxBytes = 1_000_000 });
        Assert.Equal(GradioErrorKind.ResponseTooLarge, ex.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_fails_as_StreamDropped_and_leaves_no_partial_file()
    {
        var server = await servers.Get(GradioProfile.V5, "short-stall", o => o.StallLimit = TimeSpan.FromSeconds(1));
        var ex = await DownloadFails("stalled-download", null, timeoutSec: 20, server: server);
        Assert.Equal(GradioErrorKind.StreamDropped, ex.Kind);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void The_default_limit_is_10_GiB() => Assert.Equal(10L * 1024 * 1024 * 1024, new DownloadLimits().MaxBytes);
}
