using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>A local file the app now holds.</summary>
public sealed class UploadedFile
{
    public UploadedFile(FileInfo local, string serverPath, string mimeType, JsonObject fileData)
    {
        Local = local;
        ServerPath = serverPath;
        MimeType = mimeType;
        FileData = fileData;
    }

    public FileInfo Local { get; }
    public string ServerPath { get; }
    public string MimeType { get; }

    /// <summary>The value to pass as the file input (FileData with meta, or the 3.x dict).</summary>
    public JsonObject FileData { get; }
}

/// <summary>Uploads to {prefix}/upload and downloads output files (docs/gradio-protocol.md §4).</summary>
public static class GradioFiles
{
    internal const int BufferSize = 81920;

    /// <summary>Uploads files in one multipart request (field "files"), streamed from disk.</summary>
    public static async Task<IReadOnlyList<UploadedFile>> UploadAsync(GradioClient client, AppInfo app, IReadOnlyList<FileInfo> files, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        if (files.Count == 0) return Array.Empty<UploadedFile>();
        var maxSize = app.Config?["max_file_size"] is JsonValue m && m.TryGetValue<long>(out var max) ? max : (long?)null;
        foreach (var f in files)
        {
            LocalFile.Check(f.FullName);
            f.Refresh();
            if (maxSize.HasValue && f.Length > maxSize.Value)
                throw new GradioException(GradioErrorKind.FileError, $"{f.Name} is {f.Length} bytes; the app accepts files up to {maxSize.Value} bytes.", target: f.FullName);
        }

        var total = files.Sum(f => f.Length);
        var url = GradioUrl.Join(app.ApiBase, "upload");
        var streams = new List<Stream>();
        try
        {
            using var response = await client.SendAsync(() =>
            {
                var form = new MultipartFormDataContent();
                long offset = 0;
                foreach (var f in files)
                {
                    var start = offset;
                    var stream = new ProgressStream(new FileStream(f.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true),
                        done => progress?.Report(new TransferProgress(f.Name, start + done, total)));
                    streams.Add(stream);
                    offset += f.Length;
                    var part = new StreamContent(stream, BufferSize);
                    part.Headers.ContentType = new MediaTypeHeaderValue(MimeTypes.For(f.Name));
                    form.Add(part, "files", f.Name);
                }
                return new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            }, "Uploading " + string.Join(", ", files.Select(f => f.Name)), ct).ConfigureAwait(false);
            var answer = await client.ReadJsonBodyAsync(response, "Uploading", ct).ConfigureAwait(false);
            if (answer is not JsonArray paths || paths.Count != files.Count)
                throw new GradioException(GradioErrorKind.MalformedResponse, $"The upload answer should list {files.Count} server path(s) but is: {Cut(answer?.ToJsonString() ?? "")}", target: url.ToString());
            return files.Select((f, i) =>
            {
                var path = paths[i]?.ToString() ?? "";
                var mime = MimeTypes.For(f.Name);
                return new UploadedFile(f, path, mime, FileData.ForInput(app, path, f.Name, f.Length, mime));
            }).ToArray();
        }
        finally
        {
            foreach (var s in streams) s.Dispose();
        }
    }

    /// <summary>
    /// Downloads one file object into <paramref name="directory"/> under a sanitised, unused name.
    /// The body is written to a ".partial" file that becomes the file only once complete, and is
    /// removed on any failure. <paramref name="limits"/> (default: <see cref="DownloadLimits"/>'s)
    /// bound its size, the silence between reads and, optionally, the whole duration;
    /// <paramref name="saveAs"/> names the file (default: the server's name, never overwriting).
    /// </summary>
    public static async Task<FileInfo> DownloadAsync(GradioClient client, AppInfo app, JsonObject file, string directory, IProgress<TransferProgress>? progress, CancellationToken ct, DownloadLimits? limits = null, SaveTarget? saveAs = null)
    {
        limits ??= new DownloadLimits();
        saveAs ??= new SaveTarget();
        var url = FileData.DownloadUrl(app, file);
        var name = SafeFileName.From(FileData.OriginalName(file));
        Directory.CreateDirectory(directory);
        // Files the app names on another host are fetched without the app's cookies or token.
        var sameApp = string.Equals(url.GetLeftPart(UriPartial.Authority), app.Root.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        var fetcher = sameApp ? client : client.Anonymous(url);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (limits.Deadline is { } end) deadline.CancelAfter(Timer(end - DateTimeOffset.UtcNow));
        try
        {
            using var response = await fetcher.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), "Downloading " + name, deadline.Token).ConfigureAwait(false);
            var total = response.Content.Headers.ContentLength;
            if (total > limits.MaxBytes)
                throw new GradioException(GradioErrorKind.ResponseTooLarge, $"The download of {name} is {total} bytes, over the limit of {limits.MaxBytes} bytes.", target: url.ToString());
            var download = new FileDownload(name, url, total, limits.MaxBytes, limits.IdleTimeout ?? client.Options.Timeout, progress);
            return await download.SaveAsync(response, directory, saveAs, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new GradioException(GradioErrorKind.Timeout, $"The download of {name} did not finish before its deadline.", ex, target: url.ToString());
        }
    }

    /// <summary><paramref name="span"/> within the range CancelAfter accepts (0 to about 24 days).</summary>
    internal static TimeSpan Timer(TimeSpan span) =>
        span < TimeSpan.Zero ? TimeSpan.Zero : span.TotalMilliseconds > int.MaxValue ? TimeSpan.FromMilliseconds(int.MaxValue) : span;

    static string Cut(string s) => s.Length > 200 ? s.Substring(0, 200) + "…" : s;
}
