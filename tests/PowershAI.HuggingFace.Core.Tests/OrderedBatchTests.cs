using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Batch;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The scheduler behind -ThrottleLimit: limit, order, per-item failures and cancellation.</summary>
public class OrderedBatchTests
{
    /// <summary>Waits the way a cmdlet does: on the Changed signal, taking what is ready each time.</summary>
    static async Task<List<BatchOutput<string>>> TakeUntil(OrderedBatch<string> batch, SemaphoreSlim changed, Func<bool> done, List<BatchOutput<string>>? into = null)
    {
        into ??= new List<BatchOutput<string>>();
        using var deadline = T.Deadline(15);
        while (true)
        {
            into.AddRange(batch.Take());
            if (done())
            {
                // An item that ended between the take and the question left its outputs behind.
                into.AddRange(batch.Take());
                return into;
            }
            await changed.WaitAsync(deadline.Token);
        }
    }

    static (OrderedBatch<string> Batch, SemaphoreSlim Changed) New(int limit, bool ordered, CancellationToken ct = default)
    {
        var batch = new OrderedBatch<string>(limit, ordered, ct);
        var changed = new SemaphoreSlim(0);
        batch.Changed += () => changed.Release();
        return (batch, changed);
    }

    [Fact]
    public async Task Outputs_come_in_input_order_when_items_end_in_reverse()
    {
        var (batch, changed) = New(4, ordered: true);
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            var n = i;
            batch.Start(async (emit, ct) =>
            {
                await gates[n].Task;
                emit("out" + n);
            });
        }
        Assert.False(batch.HasRoom);
        for (var i = 3; i >= 1; i--) gates[i].SetResult(true);
        var early = await TakeUntil(batch, changed, () => batch.Ended == 3);
        Assert.Empty(early);
        gates[0].SetResult(true);
        var all = await TakeUntil(batch, changed, () => batch.IsDone, early);
        Assert.Equal(new[] { "out0", "end0", "out1", "end1", "out2", "end2", "out3", "end3" }, all.Select(o => o.IsEnd ? "end" + o.Index : o.Value));
    }

    [Fact]
    public async Task Unordered_outputs_come_as_items_end()
    {
        var (batch, changed) = New(2, ordered: false);
        var slow = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        batch.Start(async (emit, ct) =>
        {
            await slow.Task;
            emit("slow");
        });
        batch.Start((emit, ct) =>
        {
            emit("fast");
            return Task.CompletedTask;
        });
        var first = await TakeUntil(batch, changed, () => batch.Ended == 1);
        Assert.Equal(new[] { "fast", "end1" }, first.Select(o => o.IsEnd ? "end" + o.Index : o.Value));
        slow.SetResult(true);
        await TakeUntil(batch, changed, () => batch.IsDone, first);
        Assert.Equal("slow", first[2].Value);
    }

    [Fact]
    public async Task At_most_the_limit_runs_at_once()
    {
        var (batch, changed) = New(3, ordered: true);
        var running = 0;
        var peak = 0;
        var outputs = new List<BatchOutput<string>>();
        for (var i = 0; i < 30; i++)
        {
            await TakeUntil(batch, changed, () => batch.HasRoom, outputs);
            batch.Start(async (emit, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(5, ct);
                Interlocked.Decrement(ref running);
            });
            Assert.True(batch.InFlight <= 3);
        }
        await TakeUntil(batch, changed, () => batch.IsDone, outputs);
        Assert.Equal(30, outputs.Count(o => o.IsEnd && o.Failure == null));
        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task A_failing_item_is_handed_back_in_its_place_and_the_others_go_on()
    {
        var (batch, changed) = New(2, ordered: true);
        var all = new List<BatchOutput<string>>();
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            batch.Start((emit, ct) =>
            {
                if (n == 1) throw new InvalidOperationException("item 1 broke");
                emit("out" + n);
                return Task.CompletedTask;
            });
            await TakeUntil(batch, changed, () => batch.HasRoom, all);
        }
        await TakeUntil(batch, changed, () => batch.IsDone, all);
        var ends = all.Where(o => o.IsEnd).ToList();
        Assert.Equal(new[] { 0, 1, 2 }, ends.Select(o => o.Index));
        Assert.Equal("item 1 broke", Assert.IsType<InvalidOperationException>(ends[1].Failure).Message);
        Assert.Null(ends[0].Failure);
        Assert.Null(ends[2].Failure);
        Assert.Equal(new[] { "out0", "out2" }, all.Where(o => !o.IsEnd).Select(o => o.Value));
    }

    [Fact]
    public async Task Cancelling_the_callers_token_cancels_every_item_in_flight()
    {
        using var stop = new CancellationTokenSource();
        var (batch, changed) = New(4, ordered: true, stop.Token);
        var cancelled = 0;
        var started = new CountdownEvent(4);
        for (var i = 0; i < 4; i++)
            batch.Start(async (emit, ct) =>
            {
                started.Signal();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    Interlocked.Increment(ref cancelled);
                }
            });
        Assert.True(started.Wait(TimeSpan.FromSeconds(15)));
        stop.Cancel();
        var all = await TakeUntil(batch, changed, () => batch.IsDone);
        Assert.Equal(4, cancelled);
        Assert.All(all, o => Assert.IsAssignableFrom<OperationCanceledException>(o.Failure));
        Assert.True(batch.IsCancelled);
    }

    [Fact]
    public void The_limit_is_one_or_more() => Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedBatch<string>(0, true, default));

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
