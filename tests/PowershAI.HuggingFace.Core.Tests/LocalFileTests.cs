using System;
using System.IO;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// What a local "file" argument can wrongly be: missing (FileNotFound), a folder, or a device that
/// never ends such as /dev/zero (both FileError). Each fails before anything is sent, and never
/// by reading forever.
/// </summary>
public sealed class LocalFileTests(ServerFixture servers) : IClassFixture<ServerFixture>, IDisposable
{
    readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "local-files-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The path of each case; /dev/zero exists on Linux and macOS, where the tests run.</summary>
    string PathOf(string what) => what switch
    {
        "missing" => Path.Combine(_dir, "nope.png"),
        "folder" => Directory.CreateDirectory(Path.Combine(_dir, "folder.png")).FullName,
        "device" => "/dev/zero",
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [InlineData("missing", GradioErrorKind.FileNotFound, "not found")]
    [InlineData("folder", GradioErrorKind.FileError, "is a folder")]
    [InlineData("device", GradioErrorKind.FileError, "not a regular file")]
    public async Task An_argument_that_is_no_readable_file_fails_before_anything_is_sent(string what, GradioErrorKind kind, string says)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;
        var path = PathOf(what);

        var ex = await Assert.ThrowsAsync<GradioException>(() => T.Run(client, "file_size", new object?[] { new FileInfo(path) }, cts.Token));

        Assert.Equal(kind, ex.Kind);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.Target);
        Assert.Equal(before, server.Requests.Count);
    }
}
