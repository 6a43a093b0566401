using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Uploads, FileData in and out, downloads with safe names (docs/gradio-protocol.md §4).</summary>
public sealed class FileTests(ServerFixture servers) : IClassFixture<ServerFixture>, IDisposable
{
    readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "core-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    FileInfo Local(string name, byte[] content)
    {
        var path = Path.Combine(_dir, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return new FileInfo(path);
    }

    string Out(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    static byte[] Bytes(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7)).ToArray();

    /// <summary>Sees the multipart body before it goes out.</summary>
    sealed class Capture : DelegatingHandler
    {
        public List<(string? Name, string? FileName, string? ContentType, HttpContent Part)> Parts { get; } = new();

        public Capture() : base(new HttpClientHandler()) { }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Content is MultipartFormDataContent form)
                foreach (var part in form)
                    Parts.Add((part.Headers.ContentDisposition?.Name?.Trim('"'), part.Headers.ContentDisposition?.FileName?.Trim('"'), part.Headers.ContentType?.MediaType, part));
            return base.SendAsync(request, ct);
        }
    }

    sealed class Collect<TValue> : IProgress<TValue>
    {
        public List<TValue> Items { get; } = new();
        public void Report(TValue value)
        {
            lock (Items) Items.Add(value);
        }
    }

    [Fact]
    public async Task Upload_streams_files_in_the_files_field_with_their_mime_types()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var capture = new Capture();
        var client = new GradioClient(GradioConnection.CreateUnpooled(server.BaseUrl, capture), new GradioClientOptions { Timeout = TimeSpan.FromSeconds(10) });
        var app = await client.GetAppInfoAsync(cts.Token);
        var png = Local("photo.png", Bytes(3000));
        var txt = Local("notes.txt", Encoding.UTF8.GetBytes("hello"));
        var progress = new Collect<TransferProgress>();

        var uploaded = await GradioFiles.UploadAsync(client, app, new[] { png, txt }, progress, cts.Token);

        Assert.Equal(new[] { "files", "files" }, capture.Parts.Select(p => p.Name));
        Assert.Equal(new[] { "photo.png", "notes.txt" }, capture.Parts.Select(p => p.FileName));
        Assert.Equal(new[] { "image/png", "text/plain" }, capture.Parts.Select(p => p.ContentType));
        Assert.All(capture.Parts, p => Assert.IsType<StreamContent>(p.Part));

        Assert.Equal(2, uploaded.Count);
        Assert.Equal("image/png", uploaded[0].MimeType);
        Assert.StartsWith(server.UploadDirectory, uploaded[0].ServerPath, StringComparison.Ordinal);
        Assert.Equal(Bytes(3000), File.ReadAllBytes(uploaded[0].ServerPath));
        Assert.Equal("hello", File.ReadAllText(uploaded[1].ServerPath));

        var fd = uploaded[0].FileData;
        Assert.Equal(uploaded[0].ServerPath, fd["path"]!.ToString());
        Assert.Equal("photo.png", fd["orig_name"]!.ToString());
        Assert.Equal(3000, fd["size"]!.GetValue<long>());
        Assert.Equal("image/png", fd["mime_type"]!.ToString());
        Assert.Equal("gradio.FileData", fd["meta"]!["_type"]!.ToString());

        Assert.Equal(3005, progress.Items.Last().Done);
        Assert.All(progress.Items, p => Assert.Equal(3005, p.Total));
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V4_17)]
    public async Task A_FileInfo_argument_is_uploaded_and_sent_as_FileData(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var session = T.NewSession();
        var file = Local("data.bin", Bytes(1234));
        var uploadsBefore = T.Requests(server, "POST", T.Prefix(profile) + "/upload").Count;
        var result = await T.Result(T.Client(server), "file_size", new object?[] { file }, cts.Token, new CallOptions { SessionHash = session });
        Assert.Equal(1234, result[0]!.GetValue<long>());

        Assert.Equal(uploadsBefore + 1, T.Requests(server, "POST", T.Prefix(profile) + "/upload").Count);
        var sent = Assert.Single(T.Bodies(server, T.Prefix(profile) + "/queue/join", session))["data"]![0]!.AsObject();
        Assert.StartsWith(server.UploadDirectory, sent["path"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("data.bin", sent["orig_name"]!.ToString());
        Assert.Equal("gradio.FileData", sent["meta"]!["_type"]!.ToString());
    }

    [Fact]
    public async Task The_same_file_twice_is_uploaded_once()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "once");
        var client = T.Client(server);
        var file = Local("twice.txt", Encoding.UTF8.GetBytes("twice"));
        var values = await ArgumentConverter.ToJsonAsync(client, await client.GetAppInfoAsync(cts.Token),
            new object?[] { file, new List<object?> { new FileInfo(file.FullName) } }, null, null, cts.Token);
        Assert.Single(T.Requests(server, "POST", "/gradio_api/upload"));
        Assert.Equal(values[0]!["path"]!.ToString(), values[1]![0]!["path"]!.ToString());
    }

    [Fact]
    public async Task A_cache_of_uploads_sends_a_file_once_per_version_and_new_files_in_one_request()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "cache");
        var client = T.Client(server);
        var app = await client.GetAppInfoAsync(cts.Token);
        var cache = new Dictionary<string, JsonObject>();
        var a = Local("a.txt", Encoding.UTF8.GetBytes("a"));
        var first = await ArgumentConverter.ToJsonAsync(client, app, new object?[] { a }, cache, null, cts.Token);
        Assert.Single(cache);

        // Known: not sent again, and filled where it sits, deep in a value.
        var b = Local("b.txt", Encoding.UTF8.GetBytes("bb"));
        var second = await ArgumentConverter.ToJsonAsync(client, app, new object?[] { new Dictionary<string, object?> { ["files"] = new object?[] { a, b } } }, cache, null, cts.Token);
        Assert.Equal(first[0]!["path"]!.ToString(), second[0]!["files"]![0]!["path"]!.ToString());
        Assert.Equal("b.txt", second[0]!["files"]![1]!["orig_name"]!.ToString());
        Assert.Equal(2, T.Requests(server, "POST", "/gradio_api/upload").Count);

        // A changed file is a new version: sent again.
        File.WriteAllText(a.FullName, "changed");
        File.SetLastWriteTimeUtc(a.FullName, DateTime.UtcNow.AddMinutes(1));
        var third = await ArgumentConverter.ToJsonAsync(client, app, new object?[] { a }, cache, null, cts.Token);
        Assert.NotEqual(first[0]!["path"]!.ToString(), third[0]!["path"]!.ToString());
        Assert.Equal(3, T.Requests(server, "POST", "/gradio_api/upload").Count);
    }

    [Fact]
    public async Task V3_uploads_become_3x_file_dicts()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V3);
        var client = T.Client(server);
        var app = await client.GetAppInfoAsync(cts.Token);
        var file = Local("old.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        var fd = Assert.Single(await GradioFiles.UploadAsync(client, app, new[] { file }, null, cts.Token)).FileData;
        Assert.True(fd["is_file"]!.GetValue<bool>());
        Assert.Null(fd["data"]);
        Assert.StartsWith(server.UploadDirectory, fd["name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("old.csv", fd["orig_name"]!.ToString());
        Assert.Equal(8, fd["size"]!.GetValue<long>());
        Assert.False(fd.ContainsKey("path"));

        // And through the WebSocket the server finds the file.
        Assert.Equal(8, (await T.Result(client, "file_size", new object?[] { file }, cts.Token))[0]!.GetValue<long>());
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_44)]
    [InlineData(GradioProfile.V3)]
    public async Task Output_files_download_with_collision_suffixes(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var app = await client.GetAppInfoAsync(cts.Token);
        var result = await T.Result(client, "file_echo", new object?[] { Local("hello.txt", Encoding.UTF8.GetBytes("abc")) }, cts.Token);
        var file = Assert.Single(FileData.FindAll(result));
        Assert.True(FileData.IsFileValue(file));
        Assert.Equal("reversed-hello.txt", FileData.OriginalName(file));

        var target = Out("downloads-" + profile);
        var progress = new Collect<TransferProgress>();
        var first = await GradioFiles.DownloadAsync(client, app, file, target, progress, cts.Token);
        var second = await GradioFiles.DownloadAsync(client, app, file, target, null, cts.Token);
        var third = await GradioFiles.DownloadAsync(client, app, file, target, null, cts.Token);

        Assert.Equal(new[] { "reversed-hello.txt", "reversed-hello-1.txt", "reversed-hello-2.txt" }, new[] { first.Name, second.Name, third.Name });
        Assert.All(new[] { first, second, third }, f => Assert.Equal("cba", File.ReadAllText(f.FullName)));
        Assert.Equal(3, progress.Items.Last().Done);
        Assert.Empty(Directory.GetFiles(target, "*.partial"));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("/etc/shadow", "shadow")]
    [InlineData("..", "file")]
    [InlineData("CON", "_CON")]
    public async Task Hostile_orig_names_stay_inside_the_folder(string hostile, string expected)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var app = await client.GetAppInfoAsync(cts.Token);
        var result = await T.Result(client, "file_echo", new object?[] { Local("x.txt", Encoding.UTF8.GetBytes("xyz")) }, cts.Token);
        var file = (JsonObject)FileData.FindAll(result).Single().DeepClone();
        file["orig_name"] = hostile;

        var target = Out("hostile-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        var saved = await GradioFiles.DownloadAsync(client, app, file, target, null, cts.Token);
        Assert.Equal(target, saved.DirectoryName);
        Assert.Equal(expected, saved.Name);
        Assert.Equal("zyx", File.ReadAllText(saved.FullName));
        Assert.Single(Directory.GetFiles(target));
    }

    [Theory]
    [InlineData(GradioProfile.V5)]
    [InlineData(GradioProfile.V4_44)]
    public async Task A_file_outside_the_upload_folder_is_refused_as_FileError(GradioProfile profile)
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(profile));
        var app = await client.GetAppInfoAsync(cts.Token);
        var file = new JsonObject { ["path"] = "/etc/hostname", ["orig_name"] = "hostname", ["meta"] = new JsonObject { ["_type"] = "gradio.FileData" } };
        var target = Out("refused-" + profile);
        var ex = await Assert.ThrowsAsync<GradioException>(() => GradioFiles.DownloadAsync(client, app, file, target, null, cts.Token));
        Assert.Equal(GradioErrorKind.FileError, ex.Kind);
        Assert.Empty(Directory.GetFiles(target));
    }

    [Fact]
    public async Task Files_on_another_host_are_fetched_without_the_apps_token_or_the_callers_headers()
    {
        using var cts = T.Deadline();
        var app = await servers.Get(GradioProfile.V5, "token-app");
        var other = await servers.Get(GradioProfile.V5, "other-host");
        var otherClient = T.Client(other);
        var stored = Assert.Single(await GradioFiles.UploadAsync(otherClient, await otherClient.GetAppInfoAsync(cts.Token),
            new[] { Local("elsewhere.txt", Encoding.UTF8.GetBytes("remote")) }, null, cts.Token));

        var settings = new PowershAI.HuggingFace.Core.Http.ConnectionSettings { Headers = new Dictionary<string, string> { ["X-IP-Token"] = "ip-token-for-the-app-1" } };
        var client = T.Client(app, new GradioClientOptions { BearerToken = "hf_private", Timeout = TimeSpan.FromSeconds(10), Settings = settings });
        var info = await client.GetAppInfoAsync(cts.Token);
        var url = other.BaseUrl.AbsoluteUri + "gradio_api/file=" + stored.ServerPath;
        var file = new JsonObject { ["path"] = url, ["url"] = url, ["orig_name"] = "elsewhere.txt", ["meta"] = new JsonObject { ["_type"] = "gradio.FileData" } };
        Assert.Equal(new Uri(url), FileData.DownloadUrl(info, file));

        var saved = await GradioFiles.DownloadAsync(client, info, file, Out("remote"), null, cts.Token);
        Assert.Equal("remote", File.ReadAllText(saved.FullName));
        var fetch = Assert.Single(other.Requests, r => r.PathAndQuery.Contains("/file=", StringComparison.Ordinal));
        Assert.False(fetch.Headers.ContainsKey("Authorization"), "The app's token must not leak to another host.");
        Assert.False(fetch.Headers.ContainsKey("X-IP-Token"), "Nor the caller's extra headers.");
        Assert.Equal("ip-token-for-the-app-1", T.Requests(app, "GET", "/config").Last().Headers["X-IP-Token"]);
    }

    [Fact]
    public async Task A_redirect_from_the_app_to_another_host_goes_without_token_login_cookie_or_extra_headers()
    {
        using var cts = T.Deadline();
        var app = await servers.Get(GradioProfile.V5, "redirecting-app", o => o.Auth = ("user", "password123"));
        var other = await servers.Get(GradioProfile.V5, "redirect-target");
        var otherClient = T.Client(other);
        var stored = Assert.Single(await GradioFiles.UploadAsync(otherClient, await otherClient.GetAppInfoAsync(cts.Token),
            new[] { Local("moved.txt", Encoding.UTF8.GetBytes("moved")) }, null, cts.Token));

        var settings = new PowershAI.HuggingFace.Core.Http.ConnectionSettings { Headers = new Dictionary<string, string> { ["X-IP-Token"] = "ip-token-for-the-app-2" } };
        var client = T.Client(app, new GradioClientOptions
        {
            BearerToken = "hf_private", Timeout = TimeSpan.FromSeconds(10), Settings = settings,
            Credential = new System.Net.NetworkCredential("user", "password123"),
        });
        var info = await client.GetAppInfoAsync(cts.Token);
        // The app's own file route answers 302 to the URL it is given (as Gradio does for URLs).
        var url = app.BaseUrl.AbsoluteUri + "gradio_api/file=" + other.BaseUrl.AbsoluteUri + "gradio_api/file=" + stored.ServerPath;
        var file = new JsonObject { ["path"] = url, ["url"] = url, ["orig_name"] = "moved.txt", ["meta"] = new JsonObject { ["_type"] = "gradio.FileData" } };

        var saved = await GradioFiles.DownloadAsync(client, info, file, Out("redirected"), null, cts.Token);

        Assert.Equal("moved", File.ReadAllText(saved.FullName));
        var atApp = Assert.Single(app.Requests, r => r.PathAndQuery.Contains("/file=http", StringComparison.Ordinal));
        Assert.Equal("Bearer hf_private", atApp.Headers["Authorization"]);
        Assert.Contains("access-token", atApp.Headers["Cookie"]);
        var fetch = Assert.Single(other.Requests, r => r.PathAndQuery.Contains("/file=", StringComparison.Ordinal) && r.Method == "GET");
        Assert.False(fetch.Headers.ContainsKey("Authorization"));
        Assert.False(fetch.Headers.ContainsKey("Cookie"));
        Assert.False(fetch.Headers.ContainsKey("X-IP-Token"));
    }

    [Fact]
    public async Task Too_large_for_max_file_size_fails_before_uploading()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "small", o => o.MaxFileSize = 100);
        var client = T.Client(server);
        var ex = await Assert.ThrowsAsync<GradioException>(() => T.Run(client, "file_size", new object?[] { Local("big.bin", Bytes(101)) }, cts.Token));
        Assert.Equal(GradioErrorKind.FileError, ex.Kind);
        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
        Assert.Empty(T.Requests(server, "POST", "/gradio_api/upload"));
        Assert.Empty(T.Requests(server, "POST", "/gradio_api/queue/join"));
    }

    [Fact]
    public async Task The_test_server_keeps_no_file_of_an_upload_it_refuses()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5, "small-refusing", o => o.MaxFileSize = 100);
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Bytes(10)), "files", "refused-small.bin" },
            { new ByteArrayContent(Bytes(101)), "files", "refused-big.bin" },
        };
        using var answer = await http.PostAsync(new Uri(server.BaseUrl, "gradio_api/upload"), form, cts.Token);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        // Neither file is stored, nor left as a temporary "upload-*" file.
        Assert.DoesNotContain(Directory.EnumerateFiles(server.UploadDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName),
            name => name!.StartsWith("refused-", StringComparison.Ordinal) || name.StartsWith("upload-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadUrl_and_ForUrl()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var app = await T.Client(server).GetAppInfoAsync(cts.Token);
        Assert.Equal(new Uri(server.BaseUrl, "gradio_api/file=/tmp/a b.png"), FileData.DownloadUrl(app, new JsonObject { ["path"] = "/tmp/a b.png" }));
        Assert.Equal(new Uri("https://cdn.example/x.png"), FileData.DownloadUrl(app, new JsonObject { ["path"] = "", ["url"] = "https://cdn.example/x.png" }));

        var remote = FileData.ForUrl(app, new Uri("https://example.com/img/a%20b.png"));
        Assert.Equal("https://example.com/img/a%20b.png", remote["path"]!.ToString());
        Assert.Equal("a b.png", remote["orig_name"]!.ToString());
        Assert.Equal("gradio.FileData", remote["meta"]!["_type"]!.ToString());

        var v3 = await T.Client(await servers.Get(GradioProfile.V3)).GetAppInfoAsync(cts.Token);
        var old = FileData.ForUrl(v3, new Uri("https://example.com/a.png"));
        Assert.True(old["is_file"]!.GetValue<bool>());
        Assert.Equal("https://example.com/a.png", old["name"]!.ToString());
        Assert.Equal(new Uri(v3.Root.AbsoluteUri + "file=/tmp/x"), FileData.DownloadUrl(v3, new JsonObject { ["name"] = "/tmp/x", ["is_file"] = true }));
    }

    [Theory]
    [InlineData("{\"path\":\"/x\",\"meta\":{\"_type\":\"gradio.FileData\"}}", true)]
    [InlineData("{\"path\":\"/x\",\"orig_name\":\"a.png\"}", true)]
    [InlineData("{\"path\":\"/x\",\"url\":\"http://h/file=/x\"}", true)]
    [InlineData("{\"name\":\"/x\",\"is_file\":true,\"data\":null}", true)]
    [InlineData("{\"path\":\"/x\"}", false)]
    [InlineData("{\"name\":\"x\",\"is_file\":false,\"data\":\"data:text/plain;base64,eA==\"}", false)]
    [InlineData("{\"path\":5,\"orig_name\":\"a\"}", false)]
    [InlineData("\"/tmp/a.png\"", false)]
    [InlineData("null", false)]
    public void IsFileValue(string json, bool expected) => Assert.Equal(expected, FileData.IsFileValue(JsonNode.Parse(json)));

    [Fact]
    public void FindAll_walks_galleries_chat_messages_and_dicts()
    {
        static string F(int i) => "{\"path\":\"/p" + i + "\",\"meta\":{\"_type\":\"gradio.FileData\"}}";
        var value = JsonNode.Parse("[[{\"image\":" + F(1) + ",\"caption\":\"c\"}], {\"text\":\"t\",\"files\":[" + F(2) + "," + F(3) + "]}, \"plain\", 5, null]");
        Assert.Equal(new[] { "/p1", "/p2", "/p3" }, FileData.FindAll(value).Select(o => o["path"]!.ToString()));
    }
}
