using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// A valid /info JSON of a given size, gzip-compressed: almost all of it is one string of spaces,
/// so 500 MB shrink to about half a megabyte. Made once per size, on first use.
/// </summary>
internal static class GzipBomb
{
    private static readonly ConcurrentDictionary<long, byte[]> Made = new();

    public static byte[] For(long inflatedSize) => Made.GetOrAdd(inflatedSize, Make);

    private static byte[] Make(long size)
    {
        var head = Encoding.UTF8.GetBytes("{\"named_endpoints\":{},\"unnamed_endpoints\":{},\"padding\":\"");
        var tail = Encoding.UTF8.GetBytes("\"}");
        var spaces = new byte[1 << 20];
        spaces.AsSpan().Fill((byte)' ');
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(head);
            for (var left = size - head.Length - tail.Length; left > 0; left -= spaces.Length)
                gzip.Write(spaces, 0, (int)Math.Min(spaces.Length, left));
            gzip.Write(tail);
        }
        return compressed.ToArray();
    }
}
