using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Gradio's queue: FIFO with one running event per function (default concurrency_limit 1), estimation
/// on join and whenever the line moves, then process_starts → progress/log → process_generating* →
/// process_completed into the event's mailbox.
/// </summary>
internal sealed class EventQueue(ServerContext server)
{
    /// <summary>How long the server waits for the inputs after send_data (3.x allows 60 s, 4.0 about 5 s).</summary>
    private static readonly TimeSpan DataTimeout = TimeSpan.FromSeconds(60);

    private readonly List<Job> _waiting = [];
    private readonly ConcurrentDictionary<string, Job> _active = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _slots = new();
    private readonly ConcurrentDictionary<int, Stats> _steps = new();
    private readonly ConcurrentDictionary<int, Stats> _runs = new();
    private int _peak;
    private int _cancelled;

    public int WaitingCount
    {
        get { lock (_waiting) return _waiting.Count; }
    }

    /// <summary>queue(max_size=N) is reached: joins are refused.</summary>
    public bool IsFull => server.Options.MaxQueueSize is int max && WaitingCount >= max;

    public void Enqueue(Job job)
    {
        int rank;
        lock (_waiting)
        {
            _waiting.Add(job);
            rank = _waiting.Count - 1;
        }
        _active[job.EventId] = job;
        lock (_active) _peak = System.Math.Max(_peak, _active.Count);
        job.Post(server.Messages.Estimation(job.EventId, rank, rank + 1, Eta(job.Fn, rank)));
        _ = Task.Run(() => RunAsync(job));
    }

    public Job? Find(string eventId) => _active.TryGetValue(eventId, out var job) ? job : null;

    /// <summary>/cancel: stops the session's events of that function.</summary>
    public void Cancel(string sessionHash, int fnIndex)
    {
        foreach (var job in _active.Values.Where(j => j.SessionHash == sessionHash && j.Fn.FnIndex == fnIndex)) CancelByUser(job);
    }

    /// <summary>Pre-4.31 /reset {event_id}: drops the event's iterator. False when the event is unknown.</summary>
    public bool Reset(string eventId)
    {
        if (!_active.TryGetValue(eventId, out var job)) return false;
        CancelByUser(job);
        return true;
    }

    /// <summary>The stream of a mailbox went away: its events die silently, as when a client disconnects.</summary>
    public void Drop(Mailbox mailbox)
    {
        mailbox.Abandon();
        foreach (var job in _active.Values.Where(j => j.Mailbox == mailbox)) job.Cancellation.Cancel();
    }

    /// <summary>The processing result of a synchronous call (/run): the first yield only.</summary>
    public async Task<JsonObject> RunOnceAsync(Job job, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await foreach (var data in server.Processor.RunAsync(job, ct))
        {
            var duration = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return server.Messages.Output(data, job.Fn.Generator, duration, Record(_steps, job.Fn, duration));
        }
        return server.Messages.Output(Nulls(job.Fn), false, 0, Average(_steps, job.Fn) ?? 0);
    }

    /// <summary>Calls queued or running now, the most at once since the last reset, and the ones the client cancelled.</summary>
    public JsonObject Counts()
    {
        lock (_active) return new JsonObject { ["active"] = _active.Count, ["peak"] = _peak, ["cancelled"] = _cancelled };
    }

    public void ResetCounts()
    {
        lock (_active) (_peak, _cancelled) = (_active.Count, 0);
    }

    private void CancelByUser(Job job)
    {
        lock (_active) _cancelled++;
        job.CancelledByUser = true;
        job.Cancellation.Cancel();
    }

    private async Task RunAsync(Job job)
    {
        var token = job.Cancellation.Token;
        var slot = _slots.GetOrAdd(job.Fn.FnIndex, _ => new SemaphoreSlim(1, 1));
        var acquired = false;
        var messages = server.Messages;
        try
        {
            await slot.WaitAsync(token);
            acquired = true;
            Leave(job);
            if (job.DataSource is not null)
            {
                job.Post(messages.SendData(job.EventId));
                job.Data = await job.DataSource.Task.WaitAsync(DataTimeout, token);
            }
            job.Post(messages.ProcessStarts(job.EventId, Average(_runs, job.Fn)));

            var runStarted = Stopwatch.GetTimestamp();
            var stepStarted = runStarted;
            var duration = 0.0;
            JsonArray? previous = null;
            await foreach (var data in server.Processor.RunAsync(job, token))
            {
                duration = Stopwatch.GetElapsedTime(stepStarted).TotalSeconds;
                stepStarted = Stopwatch.GetTimestamp();
                var average = Record(_steps, job.Fn, duration);
                if (job.Fn.Generator) job.Post(messages.Generating(job.EventId, messages.Output(Wire(job, previous, data), true, duration, average)));
                previous = data;
                if (job.Mailbox is { } box) await box.RoomAsync(token);
            }
            Record(_runs, job.Fn, Stopwatch.GetElapsedTime(runStarted).TotalSeconds);
            var final = previous ?? Nulls(job.Fn);
            job.Post(messages.Completed(job.EventId, messages.Output(final, false, duration, Average(_steps, job.Fn) ?? duration), success: true));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            if (job.CancelledByUser && job.Mailbox?.IsPending(job.EventId) == true) job.Post(messages.Cancelled(job.EventId));
        }
        catch (Exception error)
        {
            job.Post(messages.Completed(job.EventId, messages.ErrorPayload(error, server.Options.ShowError), success: false));
        }
        finally
        {
            if (acquired) slot.Release();
            else Leave(job);
            _active.TryRemove(job.EventId, out _);
        }
    }

    /// <summary>Takes the job out of the line and tells the ones still waiting their new rank.</summary>
    private void Leave(Job job)
    {
        List<Job> remaining;
        lock (_waiting)
        {
            if (!_waiting.Remove(job)) return;
            remaining = [.. _waiting];
        }
        for (var rank = 0; rank < remaining.Count; rank++)
        {
            var other = remaining[rank];
            other.Post(server.Messages.Estimation(other.EventId, rank, remaining.Count, Eta(other.Fn, rank)));
        }
    }

    /// <summary>Full values on the first chunk, on /call and before sse_v2; diffs against the previous chunk after.</summary>
    private JsonArray Wire(Job job, JsonArray? previous, JsonArray data)
    {
        if (previous is null || job.SimpleFormat || !server.Profile.Diffs) return (JsonArray)data.DeepClone();
        return new JsonArray(data.Select((value, i) => (JsonNode?)DiffBuilder.Diff(previous[i], value)).ToArray());
    }

    private double? Eta(Dependency fn, int rank) => Average(_runs, fn) is double average ? average * (rank + 1) : null;

    private static JsonArray Nulls(Dependency fn) => new(fn.Outputs.Select(_ => (JsonNode?)null).ToArray());

    private static double Record(ConcurrentDictionary<int, Stats> stats, Dependency fn, double seconds) =>
        stats.AddOrUpdate(fn.FnIndex, _ => new Stats(seconds, 1), (_, s) => new Stats(s.Total + seconds, s.Count + 1)).Average;

    private static double? Average(ConcurrentDictionary<int, Stats> stats, Dependency fn) =>
        stats.TryGetValue(fn.FnIndex, out var s) ? s.Average : null;

    private sealed record Stats(double Total, int Count)
    {
        public double Average => Total / Count;
    }
}
