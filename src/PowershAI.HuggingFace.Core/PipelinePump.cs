using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core;

/// <summary>
/// The one thread that may write (a cmdlet's pipeline thread) and the work on other threads that
/// wants things written: writes are posted from any thread and made on that thread while it waits.
/// Waking is level-triggered: anything that changes what the waiting thread should do bumps a
/// version and wakes it, and a wait returns as soon as the version moved past the one read before
/// the conditions were checked. No wake-up is consumed, so a wait nested inside another (an
/// awaited lookup while a batch's outputs are written) cannot take one meant for the outer wait.
/// </summary>
public sealed class PipelinePump
{
    readonly ConcurrentQueue<Action> _writes = new();
    readonly object _gate = new();
    readonly Func<bool> _full;
    int _version;
    int _sleepers;   // threads inside the Monitor.Wait of WaitPast: only they need a pulse

    public PipelinePump(int backlogLimit = 1024)
    {
        Pending = new Backlog(backlogLimit);
        _full = () => Pending.Full;
    }

    /// <summary>Writes posted and not yet made; past its limit <see cref="RoomAsync"/> holds a producer back.</summary>
    public Backlog Pending { get; }

    /// <summary>Changes whenever something the waiting thread looks at may have changed.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Queues a write from any thread; the waiting thread makes it.</summary>
    public void Post(Action write)
    {
        Pending.Add();
        _writes.Enqueue(write);
        Notify();
    }

    /// <summary>
    /// Something the waiting thread looks at changed (work ended, an item produced, a stop): wakes it.
    /// The lock is taken only when a thread sleeps: a stream posts thousands of writes a second
    /// while the pipeline thread is busy making them, and locking for each made the two threads
    /// contend. Both sides use full fences (the version here, the sleeper count in WaitPast), so
    /// either the sleeper sees the new version before it waits or this sees the sleeper and pulses.
    /// </summary>
    public void Notify()
    {
        Interlocked.Increment(ref _version);
        if (Volatile.Read(ref _sleepers) == 0) return;
        lock (_gate) Monitor.PulseAll(_gate);
    }

    /// <summary>Makes the writes posted so far, on the calling (waiting) thread.</summary>
    [MethodImpl(PerEvent.Compile)]
    public void Drain()
    {
        while (_writes.TryDequeue(out var write))
        {
            Pending.Take();
            write();
        }
    }

    /// <summary>Drops the writes not made yet (the pipeline failed or stopped).</summary>
    public void Discard()
    {
        while (_writes.TryDequeue(out _)) Pending.Take();
    }

    /// <summary>Completes once fewer than the backlog's limit of writes wait (or <paramref name="ct"/> is cancelled).</summary>
    public ValueTask RoomAsync(CancellationToken ct) => Pending.WaitAsync(_full, ct);

    /// <summary>
    /// Makes posted writes and runs <paramref name="step"/> (which writes what is ready and says
    /// whether the wait is over) until it says so, sleeping in between only while nothing changed
    /// since the step began, whoever else waited meanwhile.
    /// </summary>
    public void RunUntil(Func<bool> step)
    {
        while (true)
        {
            var seen = Version;
            Drain();
            if (step())
            {
                Drain();
                return;
            }
            WaitPast(seen, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Makes posted writes until <paramref name="work"/> has ended (the writes it posted included); its end wakes the wait.</summary>
    public void RunUntil(Task work)
    {
        work.ContinueWith(_ => Notify(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        RunUntil(() => work.IsCompleted);
    }

    /// <summary>
    /// Sleeps until <see cref="Version"/> differs from <paramref name="seen"/> (at once if it already
    /// does) or <paramref name="timeout"/> passes; says whether it changed.
    /// </summary>
    public bool WaitPast(int seen, TimeSpan timeout)
    {
        // A short spin first: work that ends within microseconds wakes us without a context switch.
        var spin = new SpinWait();
        while (!spin.NextSpinWillYield)
        {
            if (Version != seen) return true;
            spin.SpinOnce();
        }
        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                if (timeout == Timeout.InfiniteTimeSpan)
                {
                    while (Version == seen) Monitor.Wait(_gate);
                    return true;
                }
                if (Version == seen) Monitor.Wait(_gate, timeout);
                return Version != seen;
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
    }
}
