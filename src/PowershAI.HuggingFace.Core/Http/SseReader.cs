using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Event streams (System.Net.ServerSentEvents parses them) with two bounds: a silence longer
/// than the idle bound fails as a timeout, and a message larger than the size bound fails as
/// too large before it is held in memory. A connection that breaks fails as dropped. Used by the
/// Gradio transports and the Hub's streamed chat.
/// </summary>
public static class SseReader
{
    /// <summary>
    /// The events of an open stream, each parsed by <paramref name="parser"/> straight from its
    /// UTF-8 bytes (no intermediate string). Failures are <see cref="TransportFailure"/>s; the
    /// caller's cancellation passes through.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<T>> EnumerateAsync<T>(Stream stream, SseItemParser<T> parser, TimeSpan idleBound, long maxMessageBytes,
        string what, Uri url, [EnumeratorCancellation] CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Silence is only the time spent waiting for the next event, not the time the caller
        // holds one (a reader behind on its output waits before asking for more). A watchdog
        // checks a few times per bound, so an event costs a timestamp, not a timer re-arm.
        var bound = (long)(idleBound.TotalSeconds * Stopwatch.Frequency);
        long waitingSince = 0;
        var period = TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(idleBound.TotalMilliseconds / 16, 1000)));
        using var watchdog = new Timer(_ =>
        {
            var since = Interlocked.Read(ref waitingSince);
            if (since == 0 || Stopwatch.GetTimestamp() - since < bound) return;
            try
            {
                idle.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A last tick after the stream was closed.
            }
        }, null, period, period);
        var limited = new MessageLimitStream(stream, maxMessageBytes, what, url);
        var items = SseParser.Create(limited, parser).EnumerateAsync(idle.Token).GetAsyncEnumerator(idle.Token);
        try
        {
            while (true)
            {
                Interlocked.Exchange(ref waitingSince, Stopwatch.GetTimestamp());
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
                {
                    throw new TransportFailure(TransportFailureKind.Timeout,
                        $"{what}: the event stream was silent for {idleBound.TotalSeconds:0} s, longer than allowed.", url, ex);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    ct.ThrowIfCancellationRequested();
                    throw new TransportFailure(TransportFailureKind.Dropped,
                        $"{what}: the event stream from {url.GetLeftPart(UriPartial.Authority)} broke off ({ex.Message}).", url, ex);
                }
                Interlocked.Exchange(ref waitingSince, 0);
                if (!more) yield break;
                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Whether an answer is an event stream; an HTML page or JSON where events were expected is not.</summary>
    public static bool IsEventStream(HttpResponseMessage response) =>
        response.Content?.Headers.ContentType?.MediaType is not { } type || type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Passes bytes through while counting those of the current message (up to a blank line); one
    /// larger than the bound ends the stream with <see cref="TransportFailureKind.TooLarge"/>.
    /// </summary>
    sealed class MessageLimitStream : ReadObserverStream
    {
        readonly long _max;
        readonly string _what;
        readonly Uri _url;
        long _message;
        bool _lineEmpty = true;

        public MessageLimitStream(Stream inner, long max, string what, Uri url) : base(inner)
        {
            _max = max;
            _what = what;
            _url = url;
        }

        // Line by line (IndexOf is vectorized): a stream of many small events passes every byte through here.
        [MethodImpl(PerEvent.Compile)]
        protected override void Observe(byte[] buffer, int offset, int read)
        {
            var rest = new ReadOnlySpan<byte>(buffer, offset, read);
            while (true)
            {
                var end = rest.IndexOf((byte)'\n');
                var line = end < 0 ? rest : rest.Slice(0, end);
                var length = line.Length - Count(line, (byte)'\r');
                if (length > 0)
                {
                    _lineEmpty = false;
                    _message += length;
                    if (_message > _max)
                        throw new TransportFailure(TransportFailureKind.TooLarge,
                            $"{_what}: an event-stream message is larger than {Limits.Describe(_max)}, the most this client reads (in megabytes, {Limits.MessageVariable} raises it).", _url);
                }
                if (end < 0) return;
                if (_lineEmpty) _message = 0; // a blank line ends the message
                _lineEmpty = true;
                rest = rest.Slice(end + 1);
            }
        }

        static int Count(ReadOnlySpan<byte> span, byte value)
        {
            var count = 0;
            for (int at; (at = span.IndexOf(value)) >= 0; span = span.Slice(at + 1)) count++;
            return count;
        }
    }
}
