using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Event streams with an idle bound: a stream silent for longer than the bound fails with a
/// timeout, a connection that breaks fails as a dropped stream. Used by the Gradio transports
/// and the Hub's streamed chat.
/// </summary>
public static class SseReader
{
    public static async IAsyncEnumerable<SseItem<string>> ReadAsync(GradioClient client, Uri url, string what, [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await client.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/event-stream");
            return request;
        }, what, ct, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var bound = client.Options.StreamIdleTimeout;
        await foreach (var item in EnumerateAsync(stream, bound,
            ex => new GradioException(GradioErrorKind.Timeout, $"{what}: the event stream was silent for {bound.TotalSeconds:0} s, longer than allowed (heartbeats should come every 15 s).", ex, target: url.ToString()),
            ex => new GradioException(GradioErrorKind.StreamDropped, $"{what}: the event stream from {url.GetLeftPart(UriPartial.Authority)} broke off ({ex.Message}).", ex, target: url.ToString()),
            ct).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>
    /// The events of an open stream (System.Net.ServerSentEvents parses them). A silence longer
    /// than <paramref name="idleBound"/> ends it with <paramref name="silent"/>'s exception, a
    /// broken connection with <paramref name="broken"/>'s; the caller's cancellation passes through.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<string>> EnumerateAsync(Stream stream, TimeSpan idleBound,
        Func<Exception, Exception> silent, Func<Exception, Exception> broken, [EnumeratorCancellation] CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var items = SseParser.Create(stream).EnumerateAsync(idle.Token).GetAsyncEnumerator(idle.Token);
        try
        {
            while (true)
            {
                idle.CancelAfter(idleBound);
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
                {
                    throw silent(ex);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    ct.ThrowIfCancellationRequested();
                    throw broken(ex);
                }
                if (!more) yield break;
                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }
}
