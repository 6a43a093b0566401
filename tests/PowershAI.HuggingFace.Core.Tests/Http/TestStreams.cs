using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>A response body for bound tests: readable, forward only, nothing else.</summary>
abstract class ReadOnlyTestStream : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Serves its bytes at most <c>chunk</c> at a time.</summary>
sealed class ChunkedStream(byte[] data, int chunk) : ReadOnlyTestStream
{
    int _at;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _at);
        Array.Copy(data, _at, buffer, offset, n);
        _at += n;
        return n;
    }
}

/// <summary>Serves some chunks, one per read, then waits until cancelled (a server gone silent).</summary>
sealed class StallingStream(params byte[][] chunks) : ReadOnlyTestStream
{
    int _served;

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_served < chunks.Length)
        {
            var chunk = chunks[_served++];
            Array.Copy(chunk, 0, buffer, offset, Math.Min(count, chunk.Length));
            return Math.Min(count, chunk.Length);
        }
        await Task.Delay(Timeout.Infinite, ct);
        return 0;
    }
}

/// <summary>Serves <c>byteAt(position)</c> for ever, counting what it served.</summary>
sealed class EndlessStream(Func<long, byte> byteAt) : ReadOnlyTestStream
{
    public long Served { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++) buffer[offset + i] = byteAt(Served + i);
        Served += count;
        return count;
    }
}
