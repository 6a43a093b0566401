using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Batch;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Batches (-ThrottleLimit): each pipeline item's work starts on the thread pool and the command
/// waits only while the limit is reached, so up to that many calls are in flight. What the items
/// write is handed back by <see cref="OrderedBatch{T}"/> in input order (or as it comes, with
/// -Unordered) and written here, on the pipeline thread. An item's failure follows the failure
/// policy: non-terminating among several items, terminating for a single one. Ctrl+C cancels
/// every item's token, so each call's reader cancels its job on the server; the command waits a
/// little for those cancellations before it stops.
/// </summary>
public abstract partial class AsyncCmdlet
{
    const int BatchActivity = 7;
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    OrderedBatch<Action>? _batch;
    readonly List<object?> _batchTargets = new();
    string _batchActivity = "";
    int _batchReported = -1;

    /// <summary>
    /// Starts one item's work in the batch (made by the first item), after waiting for room;
    /// writes what earlier items handed back meanwhile.
    /// </summary>
    private protected void StartInBatch(int limit, bool ordered, string activity, object? target, Func<ICallOutput, CancellationToken, Task> work, string? warning = null)
    {
        if (_batch == null)
        {
            if (warning != null) WriteWarning(warning);
            _batch = new OrderedBatch<Action>(limit, ordered, _stop.Token);
            _batch.Changed += _pump.Notify;
            _batchActivity = activity;
        }
        var batch = _batch;
        WaitInBatch(() => batch.HasRoom);
        _batchTargets.Add(target);
        batch.Start((emit, ct) => work(new EmittedOutput(this, emit), ct));
    }

    /// <summary>Waits for every item of the batch and writes what they hand back (End, once).</summary>
    private protected void FinishBatch()
    {
        if (_batch is not { } batch) return;
        WaitInBatch(() => batch.IsDone);
        WriteProgress(Progress.Completed(BatchActivity, _batchActivity));
    }

    void WaitInBatch(Func<bool> ready)
    {
        var batch = _batch!;
        try
        {
            // Each round takes everything ready before asking whether to go on, and sleeps only if
            // nothing changed since the round began: an output that arrives while a write waits
            // (Explained asks the Hub, through Await) is found by the next round.
            _pump.RunUntil(() =>
            {
                WriteTaken(batch);
                return _stop.IsCancellationRequested || ready();
            });
        }
        catch
        {
            // A write failed (Select-Object -First downstream, -ErrorAction Stop on an item's error,
            // a single item's failure): the calls still in flight are cancelled on the server
            // before the failure goes on.
            batch.Cancel();
            AwaitCancelled(batch);
            throw;
        }
        if (!_stop.IsCancellationRequested) return;
        AwaitCancelled(batch);
        throw new PipelineStoppedException();
    }

    /// <summary>Gives the cancelled items a moment to cancel their jobs on the server; writes nothing more.</summary>
    void AwaitCancelled(OrderedBatch<Action> batch)
    {
        var deadline = DateTime.UtcNow + StopGrace;
        while (true)
        {
            var seen = _pump.Version;
            var left = deadline - DateTime.UtcNow;
            if (batch.InFlight == 0 || left <= TimeSpan.Zero) break;
            _pump.WaitPast(seen, left);
        }
        _pump.Discard();
    }

    void WriteTaken(OrderedBatch<Action> batch)
    {
        foreach (var output in batch.Take())
        {
            if (!output.IsEnd)
            {
                output.Value();
                continue;
            }
            if (output.Failure is not { } failure) continue;
            if (failure is OperationCanceledException && _stop.IsCancellationRequested) continue;
            if (PassesThrough(failure)) throw failure;
            var record = ErrorMapping.ToRecord(Explained(failure), Family, _batchTargets[output.Index]);
            if (ManyItems) WriteItemError(record);
            else ThrowTerminatingError(record);
        }
        if (batch.Ended != _batchReported)
        {
            _batchReported = batch.Ended;
            WriteProgress(new ProgressRecord(BatchActivity, _batchActivity, $"{batch.Ended} done, {batch.InFlight} in flight (at most {batch.Limit})"));
        }
    }

    /// <summary>An item's streams: its writes are kept by the batch until their turn. Its own progress gives way to the batch's.</summary>
    sealed class EmittedOutput : ICallOutput
    {
        readonly AsyncCmdlet _owner;
        readonly Action<Action> _emit;

        public EmittedOutput(AsyncCmdlet owner, Action<Action> emit)
        {
            _owner = owner;
            _emit = emit;
        }

        public void Result(object? item) => _emit(() => _owner.WriteObject(item));

        public void Progress(ProgressRecord record) { }

        public void Warning(string text) => _emit(() => _owner.WriteWarning(text));

        public void Information(string text, string[] tags) => _emit(() => _owner.WriteInformation(text, tags));

        // The batch keeps an item's writes until its turn, outside the pipeline thread's backlog.
        public ValueTask RoomAsync(CancellationToken ct) => default;
    }
}
