using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// One file's content on its way into the cache or a folder (docs/hub-api.md §1.6): appended to an
/// .incomplete file that a later run resumes with Range, checked against the announced size and, for
/// LFS files, the sha256, and only then moved to its name. A damaged result is deleted; an
/// interrupted one is kept for the next try. The caller holds the lock.
/// </summary>
static class BlobDownload
{
    const int BufferSize = 81920;

    /// <param name="readTimeout">Bound on the answer and on each silence while reading it (HF_HUB_DOWNLOAD_TIMEOUT).</param>
    public static async Task SaveAsync(HubClient hub, FileMetadata meta, Uri resolveUrl, string incomplete, string target, string name, Action<long, long?>? progress, TimeSpan readTimeout, CancellationToken ct)
    {
        var url = meta.Location ?? resolveUrl;
        Directory.CreateDirectory(Path.GetDirectoryName(incomplete)!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FetchAsync(hub, meta, url, incomplete, name, progress, readTimeout, ct).ConfigureAwait(false);
                break;
            }
            catch (HubException ex) when (attempt < hub.Options.MaxAttempts && ex.Kind is HubErrorKind.Unreachable or HubErrorKind.Timeout)
            {
                hub.Options.Log?.Verbose($"{ex.Message} Resuming from byte {Length(incomplete)}, attempt {attempt + 1} of {hub.Options.MaxAttempts}.");
            }
        }
        Verify(meta, incomplete, name, url);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(target);
        File.Move(incomplete, target);
    }

    static async Task FetchAsync(HubClient hub, FileMetadata meta, Uri url, string incomplete, string name, Action<long, long?>? progress, TimeSpan readTimeout, CancellationToken ct)
    {
        var what = "The download of " + name;
        var have = Length(incomplete);
        if (meta.Size is long size && have > size) have = Discard(incomplete);
        if (have > 0 && have == meta.Size) return;

        HttpResponseMessage response;
        try
        {
            response = await hub.GetContentAsync(url, have, what, ct, readTimeout).ConfigureAwait(false);
        }
        catch (HubException ex) when (ex.StatusCode == 416 && have > 0)
        {
            // The partial file does not fit what the server has now: start over.
            have = Discard(incomplete);
            response = await hub.GetContentAsync(url, 0, what, ct, readTimeout).ConfigureAwait(false);
        }
        using (response)
        {
            var resumed = have > 0 && response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
            if (!resumed) have = 0; // a 200 means the range was ignored: the body is the whole file
            using var sink = new FileStream(incomplete, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            progress?.Invoke(have, meta.Size);
            var done = await OverlappedCopy.CopyAsync(
                chunk => BoundedBody.ReadIdleBoundedAsync(source, chunk, readTimeout, what, url, ct).MapFailure(HubFailure.FromTransport),
                sink, have, received =>
                {
                    if (received > meta.Size)
                    {
                        sink.Dispose();
                        Discard(incomplete);
                        throw Mismatch($"{what} went on past the {meta.Size} bytes the Hub announced; it was discarded.", url);
                    }
                    progress?.Invoke(received, meta.Size);
                }, ct).ConfigureAwait(false);
            if (done < meta.Size)
                throw new HubException(HubErrorKind.Unreachable, $"{what}: the connection ended after {done} of {meta.Size} bytes.") { Url = url.ToString() };
        }
    }

    static void Verify(FileMetadata meta, string incomplete, string name, Uri url)
    {
        if (!meta.IsLfs) return;
        string actual;
        using (var stream = new FileStream(incomplete, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize))
        using (var sha = SHA256.Create())
            actual = Hex(sha.ComputeHash(stream));
        if (string.Equals(actual, meta.ETag, StringComparison.OrdinalIgnoreCase)) return;
        Discard(incomplete);
        throw Mismatch($"The download of {name} has sha256 {actual}, not the {meta.ETag} the Hub announced; it was discarded.", url);
    }

    static HubException Mismatch(string message, Uri url) => new(HubErrorKind.IntegrityCheckFailed, message) { Url = url.GetLeftPart(UriPartial.Path) };

    static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    static long Discard(string path)
    {
        File.Delete(path);
        return 0;
    }

    static string Hex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 15];
        }
        return new string(chars);
    }
}
