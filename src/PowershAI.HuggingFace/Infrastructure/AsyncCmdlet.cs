using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Base of every cmdlet that does I/O. The core's async work runs on the thread pool under a
/// token that StopProcessing (Ctrl+C) cancels; anything it wants written is queued and written
/// here, on the pipeline thread, while the cmdlet waits.
/// </summary>
public abstract class AsyncCmdlet : PSCmdlet
{
    readonly CancellationTokenSource _stop = new();
    readonly ConcurrentQueue<Action> _writes = new();
    readonly SemaphoreSlim _signal = new(0);

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Queues a write from any thread; it happens on the pipeline thread during <see cref="Await{T}"/>.</summary>
    protected void Post(Action write)
    {
        _writes.Enqueue(write);
        _signal.Release();
    }

    /// <summary>
    /// Runs async work to completion while writing what it posts. Ctrl+C ends it with
    /// PipelineStoppedException; core failures come out as <see cref="GradioException"/>.
    /// </summary>
    protected internal T Await<T>(Func<CancellationToken, Task<T>> work)
    {
        var task = Task.Run(() => work(_stop.Token));
        // Woken by a posted write or by the end of the work, never by polling: a poll interval
        // would add its length to every call and every streamed event.
        task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            _signal.Wait();
            Drain();
        }
        Drain();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected internal void Await(Func<CancellationToken, Task> work) => Await(async ct =>
    {
        await work(ct).ConfigureAwait(false);
        return true;
    });

    void Drain()
    {
        while (_writes.TryDequeue(out var write)) write();
    }

    /// <summary>Reports a failure for the current item and carries on with the next.</summary>
    protected void WriteFailure(Exception ex, object? target) => WriteError(ErrorMapping.ToRecord(ex, target));

    /// <summary>Stops the whole command with a failure that makes going on pointless.</summary>
    protected void ThrowFailure(Exception ex, object? target) => ThrowTerminatingError(ErrorMapping.ToRecord(ex, target));

    /// <summary>The session a -Session argument means, or null after writing why there is none.</summary>
    protected Objects.GradioSession? ResolveSessionOrWriteError(object? value)
    {
        try
        {
            return Objects.SessionStore.Resolve(value);
        }
        catch (GradioException ex)
        {
            WriteError(ErrorMapping.SessionNotFound(ex, value));
            return null;
        }
    }

    /// <summary>A progress sink for the core whose reports become Write-Progress on the pipeline thread.</summary>
    protected IProgress<T> ProgressTo<T>(Action<T> write) => new PostedProgress<T>(this, write);

    sealed class PostedProgress<T> : IProgress<T>
    {
        readonly AsyncCmdlet _owner;
        readonly Action<T> _write;
        long _last;

        public PostedProgress(AsyncCmdlet owner, Action<T> write)
        {
            _owner = owner;
            _write = write;
        }

        // Progress can come thousands of times a second; the host needs a few a second.
        public void Report(T value)
        {
            var now = Environment.TickCount;
            if (unchecked(now - Interlocked.Read(ref _last)) < 100) return;
            Interlocked.Exchange(ref _last, now);
            _owner.Post(() => _write(value));
        }
    }
}
