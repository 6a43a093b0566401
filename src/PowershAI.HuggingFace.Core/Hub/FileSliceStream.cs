using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// Bytes [offset, offset + length) of a file as a read-only stream: one part of a multipart upload
/// is sent from the file as it is read, never held in memory. Seekable within the slice, so a
/// retried request can rewind it.
/// </summary>
sealed class FileSliceStream : Stream
{
    readonly FileStream _file;
    readonly long _start;
    readonly long _length;

    public FileSliceStream(string path, long offset, long length)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        _start = offset;
        _length = length;
        _file.Position = offset;
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _file.Position - _start;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, Limit(count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => _file.ReadAsync(buffer, offset, Limit(count), ct);

    int Limit(int count) => (int)Math.Max(0, Math.Min(count, _length - Position));

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Current => Position + offset,
            SeekOrigin.End => _length + offset,
            _ => offset,
        };
        if (target < 0 || target > _length) throw new ArgumentOutOfRangeException(nameof(offset), "A position outside the slice.");
        _file.Position = _start + target;
        return target;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("This stream is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
