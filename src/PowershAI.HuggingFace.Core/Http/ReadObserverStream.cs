using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// A read-only pass-through that shows each chunk read to <see cref="Observe"/> (progress,
/// a size bound). Length, position and seeking are the inner stream's; writing is refused.
/// </summary>
abstract class ReadObserverStream : Stream
{
    protected ReadObserverStream(Stream inner) => Inner = inner;

    protected Stream Inner { get; }

    /// <summary>Sees the <paramref name="count"/> bytes just read at <paramref name="offset"/>; may throw to end the read.</summary>
    protected abstract void Observe(byte[] buffer, int offset, int count);

    /// <summary>Called after the position moved (a retried upload rewinds its content).</summary>
    protected virtual void Moved(long position) { }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        Observe(buffer, offset, read);
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
    {
        var read = await Inner.ReadAsync(buffer, offset, count, ct).ConfigureAwait(false);
        Observe(buffer, offset, read);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => Inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => Inner.Length;

    public override long Position
    {
        get => Inner.Position;
        set
        {
            Inner.Position = value;
            Moved(value);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = Inner.Seek(offset, origin);
        Moved(position);
        return position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("This stream is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }
}
