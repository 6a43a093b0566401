using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>Gradio 3.x: the queue over a WebSocket at {root}queue/join (docs/gradio-protocol.md §3.5).</summary>
sealed class WebSocketTransport : IGradioTransport
{
    public async Task<GradioJob> SubmitAsync(SubmitRequest r, CancellationToken ct)
    {
        _ = r.FnIndex; // fails early when the app gave no /config
        var socket = new ClientWebSocket();
        socket.Options.Cookies = r.Client.Connection.Cookies;
        if (r.Client.Options.BearerToken is { Length: > 0 } token) socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        var url = GradioUrl.ToWebSocket(GradioUrl.Join(r.App.Root, "queue/join"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(r.Client.Options.Timeout);
        try
        {
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            socket.Dispose();
            ct.ThrowIfCancellationRequested();
            throw new GradioException(timeout.IsCancellationRequested ? GradioErrorKind.Timeout : GradioErrorKind.Unreachable,
                $"Cannot open the queue WebSocket {url}: {ex.Message}", ex, target: url.ToString());
        }
        var job = new WebSocketJob(r, socket);
        job.Start();
        return job;
    }
}

sealed class WebSocketJob : HandshakeJob
{
    readonly ClientWebSocket _socket;
    readonly CancellationTokenSource _stop = new();

    public WebSocketJob(SubmitRequest r, ClientWebSocket socket) : base(r, "websocket")
    {
        _socket = socket;
        EventId = Guid.NewGuid().ToString("N");
    }

    // The server wants the hash within 5 s, so the loop runs from submission, not from the first read.
    public void Start() => RunProducer(async () =>
    {
        using (_socket)
        {
            while (true)
            {
                var text = await ReceiveAsync(_stop.Token).ConfigureAwait(false);
                if (text == null)
                    throw new GradioException(GradioErrorKind.StreamDropped, $"The queue WebSocket closed before {Endpoint.ApiName} finished.");
                var msg = GradioClient.ParseJsonText(text, "Reading the queue WebSocket", null) as JsonObject
                    ?? throw new GradioException(GradioErrorKind.MalformedResponse, "The queue WebSocket sent a message that is not a JSON object.");
                if (await OnMessageAsync(new QueueMessage(msg), _stop.Token).ConfigureAwait(false)) break;
            }
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // The server usually closes first.
            }
        }
    });

    protected override void StartProducing() { }

    async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new ArraySegment<byte>(new byte[16 * 1024]);
        using var text = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                throw new GradioException(GradioErrorKind.StreamDropped, $"The queue WebSocket broke off: {ex.Message}", ex);
            }
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer.Array!, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(text.ToArray());
        }
    }

    protected override Task ReplyAsync(JsonObject message, CancellationToken ct) =>
        _socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(message.ToJsonString())), WebSocketMessageType.Text, true, ct);

    // 3.x has no cancel route: closing the socket makes the server drop the job.
    protected override Task CancelOnServerAsync(CancellationToken ct)
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }
}
