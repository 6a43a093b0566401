using System;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core;

/// <summary>
/// Items waiting for a consumer, counted, and the gate a producer awaits while its owner says it
/// must hold back (too many waiting, mostly): it opens once the consumer has taken half of the
/// limit, or when the owner releases it (its reason to hold back is gone). Keeps memory flat
/// when a consumer is slower than its producer.
/// </summary>
public sealed class Backlog
{
    readonly object _lock = new();
    TaskCompletionSource<bool>? _room;
    int _count;

    public Backlog(int limit) => Limit = limit;

    public int Limit { get; }

    public int Count => Volatile.Read(ref _count);

    public bool Full => Count >= Limit;

    /// <summary>Counts an item in; call before the consumer can take it, so the count never runs behind.</summary>
    public void Add() => Interlocked.Increment(ref _count);

    /// <summary>Counts out an item that was added but never handed over.</summary>
    public void Withdraw() => Interlocked.Decrement(ref _count);

    /// <summary>Counts out an item the consumer took; the gate opens when half of the limit is left.</summary>
    public void Take()
    {
        if (Interlocked.Decrement(ref _count) == Limit / 2) Release();
    }

    /// <summary>Opens the gate for whoever waits at it now.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _room?.TrySetResult(true);
            _room = null;
        }
    }

    /// <summary>
    /// Completes at once unless <paramref name="hold"/> is true; then once the gate opens (or
    /// <paramref name="ct"/> is cancelled). <paramref name="hold"/> is asked again under the lock
    /// <see cref="Release"/> takes, so a release that happens meanwhile is not missed.
    /// </summary>
    public ValueTask WaitAsync(Func<bool> hold, CancellationToken ct) => hold() ? WaitForRoomAsync(hold, ct) : default;

    async ValueTask WaitForRoomAsync(Func<bool> hold, CancellationToken ct)
    {
        Task room;
        lock (_lock)
        {
            if (!hold()) return;
            room = (_room ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ct.Register(() => cancelled.TrySetResult(true)))
            await Task.WhenAny(room, cancelled.Task).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }
}
