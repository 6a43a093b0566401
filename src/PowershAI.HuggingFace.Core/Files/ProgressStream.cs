using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>A read-only wrapper that reports how many bytes were read, so uploads stream from disk with progress.</summary>
sealed class ProgressStream : Stream
{
    readonly Stream _inner;
    readonly Action<long> _report;
    long _done;

    public ProgressStream(Stream inner, Action<long> report)
    {
        _inner = inner;
        _report = report;
    }

    public override bool CanRead => true;
    public override bool CanSeek => _inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set
        {
            _inner.Position = value;
            _done = value;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        Count(await _inner.ReadAsync(buffer, offset, count, ct).ConfigureAwait(false));

    int Count(int n)
    {
        _done += n;
        _report(_done);
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var p = _inner.Seek(offset, origin);
        _done = p;
        return p;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("This stream is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
