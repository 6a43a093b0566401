using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Opens an event stream and yields its events (System.Net.ServerSentEvents does the parsing).
/// A stream silent for longer than the idle bound fails with a timeout; a connection that breaks
/// fails as a dropped stream.
/// </summary>
static class SseReader
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
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var idleBound = client.Options.StreamIdleTimeout;
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
                    throw new GradioException(GradioErrorKind.Timeout, $"{what}: the event stream was silent for {idleBound.TotalSeconds:0} s, longer than allowed (heartbeats should come every 15 s).", ex, target: url.ToString());
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    ct.ThrowIfCancellationRequested();
                    throw new GradioException(GradioErrorKind.StreamDropped, $"{what}: the event stream from {url.GetLeftPart(UriPartial.Authority)} broke off ({ex.Message}).", ex, target: url.ToString());
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
