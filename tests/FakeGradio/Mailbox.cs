using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The per-stream-key message queue (Gradio's pending_messages_per_session): messages wait here
/// until the stream reads them, so nothing is lost when the stream opens after the join.
/// A generator more than <see cref="MaxBacklog"/> messages ahead of the stream waits for it
/// (<see cref="RoomAsync"/>): the stream app's instant yields otherwise piled up 100,000 live
/// messages, and the GC work of keeping them made the server, not the client, the bottleneck
/// of a benchmark (bench/README.md).
/// </summary>
internal sealed class Mailbox(string key)
{
    public const int MaxBacklog = 1024;

    private readonly Channel<JsonObject> _messages = Channel.CreateUnbounded<JsonObject>();
    private readonly HashSet<string> _pending = [];
    private bool _closed;
    private TaskCompletionSource? _room;

    public string Key { get; } = key;

    /// <summary>The next message; a generator waiting for room goes on once half the backlog is read.</summary>
    public async ValueTask<JsonObject> TakeAsync(CancellationToken ct)
    {
        var message = await _messages.Reader.ReadAsync(ct);
        if (Volatile.Read(ref _room) is not null && _messages.Reader.Count <= MaxBacklog / 2) ReleaseRoom();
        return message;
    }

    /// <summary>Completes once at most <see cref="MaxBacklog"/> messages wait unread, or the box is closed.</summary>
    public Task RoomAsync(CancellationToken ct)
    {
        lock (_pending)
        {
            if (_closed || _messages.Reader.Count <= MaxBacklog) return Task.CompletedTask;
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // TakeAsync looks for the gate without this lock, so the takes made between the count
            // above and the gate's publishing did not see it: a generator preempted in between
            // (a loaded machine) found the stream drained when it went on and waited for ever.
            // Counting again after publishing (a full fence first, as each take's dequeue is)
            // leaves no take unseen: either it sees the gate or this sees its take.
            Interlocked.MemoryBarrier();
            if (_messages.Reader.Count > MaxBacklog / 2) return _room.Task.WaitAsync(ct);
            ReleaseRoom();
            return Task.CompletedTask;
        }
    }

    private void ReleaseRoom()
    {
        lock (_pending)
        {
            _room?.TrySetResult();
            _room = null;
        }
    }

    /// <summary>True once a stream closed it or went away; later joins file into a fresh box.</summary>
    public bool IsClosed
    {
        get { lock (_pending) return _closed; }
    }

    /// <summary>False once the stream has closed this box; the caller then needs a fresh one.</summary>
    public bool TryAddPending(string eventId)
    {
        lock (_pending)
        {
            if (_closed) return false;
            _pending.Add(eventId);
            return true;
        }
    }

    public bool IsPending(string eventId)
    {
        lock (_pending) return _pending.Contains(eventId);
    }

    public void Post(string eventId, JsonObject message)
    {
        lock (_pending)
        {
            if ((string?)message["msg"] == "process_completed") _pending.Remove(eventId);
            _messages.Writer.TryWrite(message);
        }
    }

    /// <summary>No event is pending and nothing is buffered: a stream of it may end.</summary>
    public bool IsDrained
    {
        get { lock (_pending) return _pending.Count == 0 && _messages.Reader.Count == 0; }
    }

    /// <summary>The stream-end rule: closes the box when no event is pending and nothing is buffered.</summary>
    public bool TryClose()
    {
        lock (_pending)
        {
            if (_pending.Count > 0 || _messages.Reader.Count > 0) return false;
            _closed = true;
            return true;
        }
    }

    /// <summary>The stream went away: later messages have nowhere to go.</summary>
    public void Abandon()
    {
        lock (_pending)
        {
            _closed = true;
            _pending.Clear();
        }
        ReleaseRoom();
    }
}
