using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The one queue/data stream of a session (docs/gradio-protocol.md §3.2), shared by every call of the process that uses
/// that session hash: it routes each message to its job by event_id, reads again while jobs are
/// pending, and leaves the registry once it has no job, no join in flight and no reader.
/// </summary>
/// <remarks>
/// Gradio keeps one message queue per session and every open queue/data stream pops from it, so
/// two readers of one session each see part of the messages. Exactly one reader is kept by
/// deciding under one lock both "a join is starting on this stream" and "this stream is idle,
/// drop it": a stream that left the registry never takes a join, and a reader only ever stops
/// after its HTTP stream ended.
/// </remarks>
sealed class QueueSessionStream
{
    // Streams that ended with nothing for any job, in a row, before the pending jobs fail.
    const int MaxQuietReopens = 3;

    readonly object _lock = new();
    readonly Dictionary<string, QueueJob> _jobs = new();
    readonly EarlyMessages _early = new();
    readonly string _key;
    readonly QueueStreams _registry;
    readonly AppInfo _app;
    readonly string _sessionHash;
    GradioClient _client;
    // Joins announced and neither registered nor failed: their messages may be arriving already.
    int _joining;
    CancellationTokenSource? _reading;
    bool _retired;

    QueueSessionStream(QueueStreams registry, string key, GradioClient client, AppInfo app, string sessionHash)
    {
        _registry = registry;
        _key = key;
        _client = client;
        _app = app;
        _sessionHash = sessionHash;
    }

    /// <summary>
    /// The session's stream, with a join announced on it. Call before posting queue/join, so
    /// messages that come before the answer are kept; end it with <see cref="Register"/> or
    /// <see cref="JoinFailed"/>.
    /// </summary>
    public static QueueSessionStream BeginJoin(GradioClient client, AppInfo app, string sessionHash)
    {
        var key = client.Root.AbsoluteUri + "\n" + sessionHash;
        var registry = ClientState.Current.QueueStreams;
        while (true)
        {
            var stream = registry.GetOrAdd(key, () => new QueueSessionStream(registry, key, client, app, sessionHash));
            lock (stream._lock)
            {
                // Retired between the look-up and the lock: it is out of the registry now.
                if (stream._retired) continue;
                stream._joining++;
                stream.Shared();
                return stream;
            }
        }
    }

    /// <summary>Ends an announced join with its job: the messages kept for it are delivered, later ones routed to it.</summary>
    public void Register(QueueJob job)
    {
        var eventId = job.EventId!;
        QueueJob? replaced;
        lock (_lock)
        {
            // Taken before the join ends: ending the last join drops what is kept.
            var early = _early.Take(eventId, out var lost);
            EndJoin();
            // One reader per event: a second handle attached to the same call takes its events,
            // and the first one ends rather than waiting for events that now go elsewhere.
            if (_jobs.TryGetValue(eventId, out replaced) && ReferenceEquals(replaced, job)) replaced = null;
            _jobs[eventId] = job;
            _client = job.Client;
            Shared();
            if (lost)
            {
                Remove(job);
                job.Close(new GradioException(GradioErrorKind.StreamDropped,
                    $"More queue messages came for the call {eventId} before its queue/join answer than are kept ({EarlyMessages.MaxMessages} messages of {EarlyMessages.MaxEvents} calls); its results were dropped.",
                    target: eventId));
            }
            else if (early != null)
            {
                // Delivered under the lock, so the reader cannot route a later message in between.
                foreach (var msg in early)
                    if (Deliver(job, msg)) break;
            }
            RetireIfIdle();
        }
        replaced?.Close(new GradioException(GradioErrorKind.InvalidArguments,
            $"Another handle was attached to the call {eventId} (Send-GradioApi -EventId); its results go there now.", target: eventId));
    }

    /// <summary>Ends an announced join whose queue/join failed.</summary>
    public void JoinFailed()
    {
        lock (_lock)
        {
            EndJoin();
            RetireIfIdle();
        }
    }

    public void Unregister(QueueJob job)
    {
        lock (_lock)
        {
            Remove(job);
            RetireIfIdle();
        }
    }

    /// <summary>Starts the reader unless one is running or no job waits for messages.</summary>
    public void EnsureReading()
    {
        CancellationTokenSource cts;
        lock (_lock)
        {
            if (_reading != null || _jobs.Count == 0) return;
            _reading = cts = new CancellationTokenSource();
        }
        Task.Run(() => ReadLoopAsync(cts));
    }

    /// <summary>Drops the stream: the server then drops the session's jobs (how pre-4.31 servers cancel).</summary>
    public void Abort()
    {
        lock (_lock) _reading?.Cancel();
    }

    async Task ReadLoopAsync(CancellationTokenSource cts)
    {
        var quiet = 0;
        try
        {
            while (true)
            {
                lock (_lock)
                {
                    if (_jobs.Count == 0)
                    {
                        // Decided under the lock Register and BeginJoin take: a job registering
                        // after this starts a new reader, and the stream stays registered (with
                        // the messages kept) while a join is in flight.
                        _reading = null;
                        RetireIfIdle();
                        return;
                    }
                }
                // The stream ended while jobs are pending: a v3 stream closing after its last event
                // while another job joined, a v1/v2 stream ending, a server ending it early. The
                // server keeps the session's messages, so reading again loses nothing; only streams
                // that end again and again without a message for any job mean it is gone.
                if (quiet > MaxQuietReopens)
                    throw new GradioException(GradioErrorKind.StreamDropped, $"The queue stream of {_app.Root} ended before the job finished.");
                cts.Token.ThrowIfCancellationRequested();
                quiet = await ReadOnceAsync(cts.Token).ConfigureAwait(false) ? 0 : quiet + 1;
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Only servers before 4.31 get here: dropping the stream is how one job is cancelled,
            // and it takes every other job of the session with it.
            Fail(new GradioException(GradioErrorKind.StreamDropped, $"The queue stream of {_app.Root} was closed because a job of this session was cancelled; Gradio before 4.31 drops every job of the session then."));
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            cts.Dispose();
        }
    }

    void Fail(Exception failure)
    {
        List<QueueJob> orphans;
        lock (_lock)
        {
            _reading = null;
            orphans = _jobs.Values.ToList();
            _jobs.Clear();
            RetireIfIdle();
        }
        foreach (var job in orphans) job.Close(failure);
    }

    /// <summary>Reads one queue/data stream to its end; true when it carried a message for a job.</summary>
    async Task<bool> ReadOnceAsync(CancellationToken ct)
    {
        var progressed = false;
        var url = GradioUrl.Join(_app.ApiBase, "queue/data?session_hash=" + Uri.EscapeDataString(_sessionHash));
        await foreach (var item in _client.ReadEventsAsync(url, "Reading the queue stream", QueueMessageJson.Parse, ct).ConfigureAwait(false))
        {
            var msg = item.Data
                ?? throw new GradioException(GradioErrorKind.MalformedResponse, "The queue stream sent a message that is not a JSON object.", target: url.ToString());
            var kind = msg.Kind;
            if (kind == "close_stream") break;
            if (kind != "heartbeat") progressed = true;
            QueueJob? delivered = null;
            lock (_lock)
            {
                if (kind is "heartbeat" or "unexpected_error" or "server_stopped" || msg.EventId is not { } eventId)
                {
                    foreach (var job in _jobs.Values.ToList()) Deliver(job, msg);
                }
                else
                {
                    if (_jobs.TryGetValue(eventId, out var job))
                    {
                        if (!Deliver(job, msg)) delivered = job;
                    }
                    // Kept only while a join is in flight: otherwise no job of this process can claim it.
                    else if (_joining > 0) _early.Add(eventId, msg);
                }
            }
            // A job alone on the stream whose reader is far behind holds it back (outside the lock).
            if (delivered != null) await delivered.RoomAsync(ct).ConfigureAwait(false);
        }
        return progressed;
    }

    /// <summary>Hands a message to its job (under the lock, so each job sees its messages in order); true when the job ended.</summary>
    [MethodImpl(PerEvent.Compile)]
    bool Deliver(QueueJob job, QueueMessage msg)
    {
        bool ended;
        try
        {
            ended = job.Handle(msg);
        }
        catch (GradioException ex)
        {
            // A message this job cannot take (queue_full, a broken diff) ends this job only.
            job.Close(ex);
            ended = true;
        }
        if (ended) Remove(job);
        return ended;
    }

    /// <summary>Under the lock: once the stream carries more than one job (or a join), none of them holds it back.</summary>
    void Shared()
    {
        if (_jobs.Count + _joining < 2) return;
        foreach (var job in _jobs.Values) job.ShareTransport();
    }

    void Remove(QueueJob job)
    {
        if (_jobs.TryGetValue(job.EventId!, out var current) && ReferenceEquals(current, job)) _jobs.Remove(job.EventId!);
    }

    void EndJoin()
    {
        // Once no join is in flight, what is kept belongs to no job that can still register.
        if (--_joining == 0) _early.Clear();
    }

    /// <summary>Leaves the registry when nothing uses the stream; the next join makes a new one.</summary>
    void RetireIfIdle()
    {
        if (_retired || _reading != null || _jobs.Count > 0 || _joining > 0) return;
        _retired = true;
        _early.Clear();
        _registry.Remove(_key, this);
    }
}
