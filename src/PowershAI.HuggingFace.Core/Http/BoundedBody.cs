using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Reads a response body with two bounds: its size after decompression (a gzip bomb or an
/// endless answer fails instead of filling memory) and the silence between two reads (a server
/// that stops sending fails instead of hanging).
/// </summary>
public static class BoundedBody
{
    /// <summary>The whole body as bytes; <see cref="TransportFailureKind.TooLarge"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream> ReadAsync(HttpResponseMessage response, long maxBytes, TimeSpan idle, string what, CancellationToken ct)
    {
        var url = response.RequestMessage?.RequestUri;
        if (response.Content == null) return new MemoryStream();
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes) throw TooLarge(what, maxBytes, url);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        // Sized from the declared length (within the bound): grown by doubling, a 70 MB /config
        // was copied through buffers of every size up to 128 MB.
        var body = declared is > 0 and <= int.MaxValue ? new MemoryStream((int)declared.Value) : new MemoryStream();
        var buffer = new byte[81920];
        while (true)
        {
            var read = await ReadIdleBoundedAsync(stream, buffer, idle, what, url, ct).ConfigureAwait(false);
            if (read == 0) break;
            if (body.Length + read > maxBytes) throw TooLarge(what, maxBytes, url);
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        return body;
    }

    /// <summary>
    /// At most <paramref name="maxBytes"/> of the body as text, cut rather than refused: for error
    /// answers, whose text is only quoted.
    /// </summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response, int maxBytes, TimeSpan idle, CancellationToken ct)
    {
        if (response.Content == null) return "";
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[maxBytes];
            var total = 0;
            while (total < maxBytes)
            {
                var read = await ReadIdleBoundedAsync(stream, new ArraySegment<byte>(buffer, total, maxBytes - total), idle, "Reading the error answer", null, ct).ConfigureAwait(false);
                if (read == 0) break;
                total += read;
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TransportFailure)
        {
            ct.ThrowIfCancellationRequested();
            return "";
        }
    }

    /// <summary>One read that fails with <see cref="TransportFailureKind.Timeout"/> when nothing comes for <paramref name="idle"/>.</summary>
    public static Task<int> ReadIdleBoundedAsync(Stream stream, byte[] buffer, TimeSpan idle, string what, Uri? url, CancellationToken ct) =>
        ReadIdleBoundedAsync(stream, new ArraySegment<byte>(buffer), idle, what, url, ct);

    public static async Task<int> ReadIdleBoundedAsync(Stream stream, ArraySegment<byte> buffer, TimeSpan idle, string what, Uri? url, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(idle);
        try
        {
            // Some streams ignore the token once a read has started; disposing the response ends them.
            using (bound.Token.Register(stream.Dispose))
                return await stream.ReadAsync(buffer.Array!, buffer.Offset, buffer.Count, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (bound.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TransportFailure(TransportFailureKind.Timeout, $"{what}: nothing arrived for {idle.TotalSeconds:0} s.", url, ex);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            throw new TransportFailure(TransportFailureKind.Dropped, $"{what}: the connection{Origin(url)} broke off ({ex.Message}).", url, ex);
        }
    }

    internal static TransportFailure TooLarge(string what, long maxBytes, Uri? url) =>
        new(TransportFailureKind.TooLarge, $"{what}: the answer is larger than {Limits.Describe(maxBytes)}, the most this client reads (in megabytes, {Limits.JsonVariable} raises it).", url);

    static string Origin(Uri? url) => url == null ? "" : " to " + url.GetLeftPart(UriPartial.Authority);
}
