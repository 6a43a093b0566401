using System;
using System.IO;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>The copy that reads the next chunk while the last one is written.</summary>
public class OverlappedCopyTests
{
    static Func<byte[], Task<int>> Reader(byte[] source, Random sizes)
    {
        var at = 0;
        return async chunk =>
        {
            await Task.Yield();
            var n = Math.Min(source.Length - at, sizes.Next(1, chunk.Length + 1));
            Array.Copy(source, at, chunk, 0, n);
            at += n;
            return n;
        };
    }

    [Fact]
    public async Task Every_byte_arrives_in_order_and_the_total_counts_from_the_start()
    {
        var source = new byte[3 * OverlappedCopy.ChunkSize + 12345];
        new Random(7).NextBytes(source);
        using var sink = new MemoryStream();
        long seen = 0;
        var total = await OverlappedCopy.CopyAsync(Reader(source, new Random(11)), sink, 100, done => seen = done, default);
        Assert.Equal(100 + source.Length, total);
        Assert.Equal(total, seen);
        Assert.Equal(source, sink.ToArray());
    }

    [Fact]
    public async Task A_received_check_that_throws_stops_the_copy_before_that_chunk_is_written()
    {
        var source = new byte[4 * OverlappedCopy.ChunkSize];
        using var sink = new MemoryStream();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => OverlappedCopy.CopyAsync(Reader(source, new Random(3)), sink, 0,
            done => { if (done > OverlappedCopy.ChunkSize) throw new InvalidOperationException("too long"); }, default));
        Assert.Equal("too long", failure.Message);
        Assert.True(sink.Length <= OverlappedCopy.ChunkSize, $"{sink.Length} bytes written");
    }
}
