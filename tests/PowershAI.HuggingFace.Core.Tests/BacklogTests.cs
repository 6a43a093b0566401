using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>The counted backlog and the gate a producer waits at while it is full.</summary>
public class BacklogTests
{
    [Fact]
    public async Task A_full_backlog_holds_the_producer_until_half_is_taken()
    {
        using var cts = T.Deadline();
        var backlog = new Backlog(8);
        for (var i = 0; i < 8; i++) backlog.Add();
        Assert.True(backlog.Full);
        var wait = backlog.WaitAsync(() => backlog.Full, cts.Token).AsTask();
        for (var i = 0; i < 3; i++) backlog.Take();
        Assert.False(wait.IsCompleted);
        backlog.Take();
        await wait;
        Assert.Equal(4, backlog.Count);
    }

    [Fact]
    public async Task A_release_opens_the_gate_and_a_producer_that_need_not_hold_never_waits()
    {
        using var cts = T.Deadline();
        var backlog = new Backlog(2);
        backlog.Add();
        backlog.Add();
        Assert.True(backlog.WaitAsync(() => false, cts.Token).IsCompleted);
        var hold = true;
        var wait = backlog.WaitAsync(() => hold, cts.Token).AsTask();
        Assert.False(wait.IsCompleted);
        hold = false;
        backlog.Release();
        await wait;
    }

    [Fact]
    public async Task A_cancelled_wait_ends_with_the_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var backlog = new Backlog(1);
        backlog.Add();
        var wait = backlog.WaitAsync(() => backlog.Full, cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => wait);
    }
}
