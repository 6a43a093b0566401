using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Reads a response body that holds a JSON array one element at a time, so the first element can
/// be used while the rest is still arriving. The bounds are <see cref="BoundedBody"/>'s: the size of
/// the whole body after decompression and the silence between two reads. One Utf8JsonReader state
/// runs across buffer refills, so the whole body is checked once, as it comes; the buffer holds the
/// unread bytes and the element being read, never the whole array. Invalid JSON (also after the
/// closing bracket) throws <see cref="JsonException"/>. The array ends only with the body, which is
/// read to its end, so the connection can serve the next request.
/// </summary>
public sealed class JsonArrayReader : IDisposable
{
    readonly Stream _stream;
    readonly long _maxBytes;
    readonly TimeSpan _idle;
    readonly string _what;
    readonly Uri? _url;
    byte[] _buffer = new byte[64 * 1024];
    int _end;            // bytes in the buffer
    int _position;       // where the JSON reader goes on
    int _elementStart = -1;
    long _total;
    bool _eof;
    bool _closed;        // the array's closing bracket was read
    JsonReaderState _state;

    JsonArrayReader(Stream stream, long maxBytes, TimeSpan idle, string what, Uri? url)
    {
        (_stream, _maxBytes, _idle, _what, _url) = (stream, maxBytes, idle, what, url);
    }

    /// <summary>Opens the body of <paramref name="response"/>; refused as too large when its declared length passes <paramref name="maxBytes"/>.</summary>
    public static async Task<JsonArrayReader> OpenAsync(HttpResponseMessage response, long maxBytes, TimeSpan idle, string what)
    {
        var url = response.RequestMessage?.RequestUri;
        if (response.Content == null) return new JsonArrayReader(Stream.Null, maxBytes, idle, what, url);
        if (response.Content.Headers.ContentLength is long declared && declared > maxBytes) throw BoundedBody.TooLarge(what, maxBytes, url);
        return new JsonArrayReader(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), maxBytes, idle, what, url);
    }

    /// <summary>Reads up to the first non-blank byte: true when the body is an array, false for anything else or an empty body.</summary>
    public async Task<bool> IsArrayAsync(CancellationToken ct)
    {
        for (var scanned = 0; ; )
        {
            for (; scanned < _end; scanned++)
                if (_buffer[scanned] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return _buffer[scanned] == (byte)'[';
            if (_eof) return false;
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The whole body, for an answer that is not an array; call before reading any element.</summary>
    public async Task<ArraySegment<byte>> ReadToEndAsync(CancellationToken ct)
    {
        while (!_eof) await FillAsync(ct).ConfigureAwait(false);
        return new ArraySegment<byte>(_buffer, 0, _end);
    }

    /// <summary>
    /// The next element (Found; Item is null for a JSON null), or Found = false once the array has
    /// ended and the body with it.
    /// </summary>
    public Task<(bool Found, JsonNode? Item)> NextAsync(CancellationToken ct) => NextAsync(static element => JsonNode.Parse(element.AsSpan()), ct);

    /// <summary>
    /// The next element as <paramref name="read"/> makes it from the element's bytes, which are valid
    /// only during the call (Found = false once the array and the body have ended).
    /// </summary>
    public async Task<(bool Found, T? Item)> NextAsync<T>(Func<ArraySegment<byte>, T?> read, CancellationToken ct)
    {
        while (true)
        {
            if (TryReadElement(out var element)) return (true, read(element));
            if (_eof)
            {
                if (_closed) return (false, default);
                throw new JsonException("The JSON array ended before its closing bracket.");
            }
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the reader over the bytes at hand; true with the bytes of one complete element.</summary>
    bool TryReadElement(out ArraySegment<byte> element)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _position, _end - _position), _eof, _state);
        var found = false;
        element = default;
        while (!found && reader.Read())
        {
            var start = _position + (int)reader.TokenStartIndex;
            var end = _position + (int)reader.BytesConsumed;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when reader.CurrentDepth == 0:
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 0:
                    _closed = true;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth == 1:
                    _elementStart = start;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == 1:
                    element = new ArraySegment<byte>(_buffer, _elementStart, end - _elementStart);
                    _elementStart = -1;
                    found = true;
                    break;
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null when reader.CurrentDepth == 1:
                    element = new ArraySegment<byte>(_buffer, start, end - start);
                    found = true;
                    break;
                case var _ when reader.CurrentDepth == 0:
                    throw new JsonException("The answer is not a JSON array.");
            }
        }
        _state = reader.CurrentState;
        _position += (int)reader.BytesConsumed;
        return found;
    }

    /// <summary>Keeps the element being read and what follows, moved to the front (the buffer doubles when that fills it), then reads once more.</summary>
    async Task FillAsync(CancellationToken ct)
    {
        var keep = _elementStart >= 0 ? _elementStart : _position;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _position -= keep;
            if (_elementStart >= 0) _elementStart -= keep;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = await BoundedBody.ReadIdleBoundedAsync(_stream, new ArraySegment<byte>(_buffer, _end, _buffer.Length - _end), _idle, _what, _url, ct).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return;
        }
        _total += read;
        if (_total > _maxBytes) throw BoundedBody.TooLarge(_what, _maxBytes, _url);
        _end += read;
    }

    public void Dispose() => _stream.Dispose();
}
