using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// A body copied to a file with the next read under way while the last chunk is written, so the
/// network and the disk work at the same time instead of in turn; two chunks are held, whatever the size.
/// </summary>
static class OverlappedCopy
{
    /// <summary>Large enough that a gigabyte is a few thousand reads and writes.</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>
    /// Copies until <paramref name="read"/> returns 0 and returns the bytes copied plus
    /// <paramref name="start"/>. <paramref name="received"/> sees the running total before each chunk
    /// is written (no write is under way then), and may throw to stop the copy.
    /// </summary>
    public static async Task<long> CopyAsync(Func<byte[], Task<int>> read, Stream sink, long start, Action<long> received, CancellationToken ct)
    {
        var chunks = new[] { new byte[ChunkSize], new byte[ChunkSize] };
        var writing = Task.CompletedTask;
        var done = start;
        try
        {
            for (var i = 0; ; i ^= 1)
            {
                var n = await read(chunks[i]).ConfigureAwait(false);
                await writing.ConfigureAwait(false);
                if (n == 0) return done;
                done += n;
                received(done);
                writing = sink.WriteAsync(chunks[i], 0, n, ct);
            }
        }
        catch
        {
            // The read failed while a write was under way: that write ends before the caller
            // disposes the file, and its own failure, if any, is not the one to report.
            try
            {
                await writing.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or UnauthorizedAccessException or ObjectDisposedException)
            {
            }
            throw;
        }
    }
}
