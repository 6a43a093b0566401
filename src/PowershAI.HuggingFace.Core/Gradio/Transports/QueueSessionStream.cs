using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The one queue/data stream of a session (§3.2): opened when a job is first read, routes each
/// message to its job by event_id, reopened while jobs are still pending, and closed when none are.
/// </summary>
sealed class QueueSessionStream
{
    static ConcurrentDictionary<string, QueueSessionStream> Streams => ClientState.Current.QueueStreams.Streams;
    const int MaxReopens = 3;

    readonly object _lock = new();
    readonly Dictionary<string, QueueJob> _jobs = new();
    // Messages for event ids not yet registered (the join answer can arrive after the first message).
    readonly Dictionary<string, List<JsonObject>> _early = new();
    readonly string _key;
    readonly AppInfo _app;
    readonly string _sessionHash;
    GradioClient _client;
    CancellationTokenSource? _reading;

    QueueSessionStream(string key, GradioClient client, AppInfo app, string sessionHash)
    {
        _key = key;
        _client = client;
        _app = app;
        _sessionHash = sessionHash;
    }

    public static QueueSessionStream For(GradioClient client, AppInfo app, string sessionHash)
    {
        var key = client.Root.AbsoluteUri + "\n" + sessionHash;
        return Streams.GetOrAdd(key, k => new QueueSessionStream(k, client, app, sessionHash));
    }

    public void Register(QueueJob job)
    {
        List<JsonObject>? early;
        QueueJob? replaced;
        lock (_lock)
        {
            // One reader per event: a second handle attached to the same call takes its events,
            // and the first one ends rather than waiting for events that now go elsewhere.
            if (_jobs.TryGetValue(job.EventId!, out replaced) && ReferenceEquals(replaced, job)) replaced = null;
            _jobs[job.EventId!] = job;
            _client = job.Client;
            Streams.TryAdd(_key, this);
            if (_early.TryGetValue(job.EventId!, out early)) _early.Remove(job.EventId!);
        }
        replaced?.Close(new GradioException(GradioErrorKind.InvalidArguments,
            $"Another handle was attached to the call {job.EventId} (Send-GradioApi -EventId); its results go there now.", target: job.EventId));
        if (early != null)
            foreach (var msg in early)
                if (job.Handle(msg)) Unregister(job);
    }

    public void Unregister(QueueJob job)
    {
        lock (_lock) _jobs.Remove(job.EventId!);
    }

    /// <summary>Starts the reader unless one is running.</summary>
    public void EnsureReading()
    {
        CancellationTokenSource cts;
        lock (_lock)
        {
            if (_reading != null) return;
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
        var reopens = 0;
        try
        {
            while (true)
            {
                int before;
                lock (_lock)
                {
                    before = _jobs.Count;
                    if (before == 0)
                    {
                        // Decided under the lock Register takes, so a job joining now starts a new reader.
                        _reading = null;
                        _early.Clear();
                        Streams.TryRemove(_key, out _);
                        return;
                    }
                }
                cts.Token.ThrowIfCancellationRequested();
                await ReadOnceAsync(cts.Token).ConfigureAwait(false);
                // The stream ended while jobs are pending: a v3 stream closing just as a job joined,
                // or a v1/v2 stream ending. The server buffers messages, so reading again loses nothing.
                if (Pending() >= before && ++reopens > MaxReopens)
                    throw new GradioException(GradioErrorKind.StreamDropped, $"The queue stream of {_app.Root} ended before the job finished.");
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
            _early.Clear();
            Streams.TryRemove(_key, out _);
        }
        foreach (var job in orphans) job.Close(failure);
    }

    async Task ReadOnceAsync(CancellationToken ct)
    {
        var url = GradioUrl.Join(_app.ApiBase, "queue/data?session_hash=" + Uri.EscapeDataString(_sessionHash));
        await foreach (var item in _client.ReadEventsAsync(url, "Reading the queue stream", ct).ConfigureAwait(false))
        {
            var msg = item.Data as JsonObject
                ?? throw new GradioException(GradioErrorKind.MalformedResponse, "The queue stream sent a message that is not a JSON object.", target: url.ToString());
            var kind = msg["msg"]?.ToString();
            if (kind == "close_stream") return;
            if (kind is "heartbeat" or "unexpected_error" or "server_stopped" || msg["event_id"] is null)
            {
                foreach (var job in Snapshot())
                    if (job.Handle(msg)) Unregister(job);
                continue;
            }
            Route(msg["event_id"]!.ToString(), msg);
        }
    }

    void Route(string eventId, JsonObject msg)
    {
        QueueJob? job;
        lock (_lock)
        {
            if (!_jobs.TryGetValue(eventId, out job))
            {
                if (!_early.TryGetValue(eventId, out var list)) _early[eventId] = list = new List<JsonObject>();
                list.Add(msg);
                return;
            }
        }
        if (job.Handle(msg)) Unregister(job);
    }

    int Pending()
    {
        lock (_lock) return _jobs.Count;
    }

    List<QueueJob> Snapshot()
    {
        lock (_lock) return _jobs.Values.ToList();
    }
}
