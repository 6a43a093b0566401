using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Batch;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>
/// The pipeline thread's waits (AsyncCmdlet's Await and batch loop): a wait nested inside another
/// must not take a wake-up the outer one needs. A hang is bounded: the waiting runs on a
/// background thread that the test gives up on.
/// </summary>
public class PipelinePumpTests
{
    /// <summary>Runs <paramref name="body"/> as the pipeline thread; false when it has not ended in time.</summary>
    static bool EndsWithin(Action body, int seconds = 20)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }) { IsBackground = true };
        thread.Start();
        var ended = thread.Join(TimeSpan.FromSeconds(seconds));
        if (error != null) throw new InvalidOperationException("The pipeline thread failed.", error);
        return ended;
    }

    [Fact]
    public void A_change_only_a_nested_wait_saw_wakes_the_outer_wait()
    {
        // The outer round looks (nothing yet), then a write waits on its own (a nested Await)
        // during which the change comes and wakes the nested wait, which returns. The outer wait
        // must not then sleep: nothing will wake it again.
        var pump = new PipelinePump();
        var changed = 0;
        var rounds = 0;
        var ended = EndsWithin(() => pump.RunUntil(() =>
        {
            var ready = Volatile.Read(ref changed) == 1;
            if (++rounds == 1)
            {
                var started = false;
                pump.RunUntil(() =>
                {
                    if (started) return Volatile.Read(ref changed) == 1;
                    started = true;
                    Task.Run(() =>
                    {
                        Volatile.Write(ref changed, 1);
                        pump.Notify();
                    });
                    return false;
                });
            }
            return ready;
        }));
        Assert.True(ended, "The outer wait slept through a change its nested wait had seen.");
        Assert.Equal(2, rounds);
    }

    [Fact]
    public void An_item_that_ends_while_a_failure_is_explained_is_still_taken()
    {
        // WebCmdlet.Explained asks the Hub (an Await) while the batch loop writes item 0's failure;
        // item 1 ends meanwhile, and it is the batch's last change.
        var pump = new PipelinePump();
        var batch = new OrderedBatch<string>(2, ordered: false, CancellationToken.None);
        batch.Changed += pump.Notify;
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothEnded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        batch.Changed += () =>
        {
            if (batch.Ended == 2) bothEnded.TrySetResult(true);
        };
        batch.Start((_, _) => throw new InvalidOperationException("503"));
        batch.Start(async (emit, _) =>
        {
            await gate.Task;
            emit("one");
        });
        var taken = new List<string>();
        var ended = EndsWithin(() => pump.RunUntil(() =>
        {
            foreach (var output in batch.Take())
            {
                taken.Add(output.IsEnd ? "end" + output.Index : output.Value);
                if (output.Failure == null) continue;
                gate.SetResult(true);
                pump.RunUntil(bothEnded.Task);
            }
            return batch.IsDone;
        }));
        Assert.True(ended, "The batch loop slept while item 1's output and end waited to be taken.");
        Assert.Equal(new[] { "end0", "one", "end1" }, taken);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Many_tiny_items_ending_in_random_order_are_all_taken(bool ordered)
    {
        // As a cmdlet does it: wait for room before each item, then for the end; every seventh
        // item fails and its failure is written after a nested wait, as Explained's Await does.
        const int count = 400;
        var pump = new PipelinePump();
        var batch = new OrderedBatch<string>(8, ordered, CancellationToken.None);
        batch.Changed += pump.Notify;
        var random = new Random(12345);
        var results = new List<int>();
        var failures = new List<int>();

        bool WriteTaken()
        {
            foreach (var output in batch.Take())
            {
                if (!output.IsEnd) results.Add(int.Parse(output.Value));
                else if (output.Failure != null)
                {
                    pump.RunUntil(Task.Run(async () => await Task.Yield()));
                    failures.Add(output.Index);
                }
            }
            return true;
        }

        var ended = EndsWithin(() =>
        {
            for (var i = 0; i < count; i++)
            {
                pump.RunUntil(() => WriteTaken() && batch.HasRoom);
                var n = i;
                var spins = random.Next(0, 2000);
                var yields = random.Next(0, 3);
                batch.Start(async (emit, _) =>
                {
                    for (var y = 0; y < yields; y++) await Task.Yield();
                    Thread.SpinWait(spins);
                    if (n % 7 == 3) throw new InvalidOperationException("item " + n);
                    pump.Post(() => { });
                    emit(n.ToString());
                });
            }
            pump.RunUntil(() => WriteTaken() && batch.IsDone);
        }, 60);
        Assert.True(ended, "The batch loop slept with items left to take.");
        var expected = Enumerable.Range(0, count).Where(n => n % 7 != 3).ToList();
        Assert.Equal(expected, ordered ? results : results.OrderBy(n => n).ToList());
        Assert.Equal(Enumerable.Range(0, count).Where(n => n % 7 == 3), ordered ? failures : failures.OrderBy(n => n).ToList());
        Assert.Equal(0, pump.Pending.Count);
    }

    [Fact]
    public void A_wait_that_times_out_says_nothing_changed_and_a_change_before_it_returns_at_once()
    {
        var pump = new PipelinePump();
        var seen = pump.Version;
        Assert.False(pump.WaitPast(seen, TimeSpan.FromMilliseconds(1)));
        pump.Notify();
        Assert.True(pump.WaitPast(seen, Timeout.InfiniteTimeSpan));
    }
}
