using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Base of every cmdlet. It owns the failure policy (docs/design.md, "Failures"): the cmdlet's
/// work runs through one guard, so whatever escapes it becomes a classified, terminating error
/// record, and <see cref="ForEachItem{T}"/> makes a bad item among several a non-terminating one.
/// The core's async work runs on the thread pool under a token that StopProcessing (Ctrl+C)
/// cancels; anything it wants written is queued and written here, on the pipeline thread.
/// </summary>
public abstract partial class AsyncCmdlet : PSCmdlet
{
    readonly CancellationTokenSource _stop = new();

    // Where posted writes wait for the pipeline thread, and what wakes it (Core/PipelinePump.cs).
    readonly PipelinePump _pump = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => _stop.Token;

    /// <summary>The family of this cmdlet's error ids: Gradio&lt;Kind&gt; or HuggingFace&lt;Kind&gt;.</summary>
    internal virtual ErrorFamily Family => ErrorFamily.Gradio;

    /// <summary>What an error is about when the failure itself names nothing (a URL, an id).</summary>
    protected virtual object? ErrorTarget => null;

    protected sealed override void BeginProcessing()
    {
        FormatData.EnsureLoaded(this);
        PowershaiShadowing.Check(this);
        Guard(Begin);
    }

    protected sealed override void ProcessRecord() => Guard(Process);

    protected sealed override void EndProcessing() => Guard(End);

    protected override void StopProcessing()
    {
        _stop.Cancel();
        _pump.Notify();
    }

    /// <summary>Once, before the first pipeline item.</summary>
    protected virtual void Begin() { }

    /// <summary>Once per pipeline item (once in all without pipeline input).</summary>
    protected virtual void Process() { }

    /// <summary>Once, after the last pipeline item.</summary>
    protected virtual void End() { }

    /// <summary>
    /// Runs <paramref name="each"/> for every item. When the cmdlet has several items (piped
    /// in, or more than one given), a failing item is a non-terminating error and the others go
    /// on; a single item's failure is the command's failure, so it terminates.
    /// </summary>
    protected void ForEachItem<T>(IReadOnlyCollection<T> items, Func<T, object?> target, Action<T> each)
    {
        var many = ManyItems || items.Count > 1;
        foreach (var item in items)
        {
            try
            {
                each(item);
            }
            catch (Exception ex) when (many && !PassesThrough(ex))
            {
                WriteItemError(ErrorMapping.ToRecord(Explained(ex), Family, target(item)));
            }
        }
    }

    /// <summary>Whether this command works through several items (pipeline input), so one item's failure is not the command's.</summary>
    protected virtual bool ManyItems => MyInvocation.ExpectingInput;

    /// <summary>Reports one item's failure (a generated function reports it as its own).</summary>
    protected virtual void WriteItemError(ErrorRecord record) => WriteError(record);

    /// <summary>Reports a failure about one thing and carries on (a warning-like error among results).</summary>
    protected void WriteFailure(Exception ex, object? target) => WriteError(ErrorMapping.ToRecord(Explained(ex), Family, target));

    /// <summary>A failure with what the server alone could not say added (WebCmdlet: a Space that is not running); by default as it is.</summary>
    protected internal virtual Exception Explained(Exception ex) => ex;

    void Guard(Action work)
    {
        try
        {
            work();
        }
        catch (Exception ex) when (!PassesThrough(ex))
        {
            ThrowTerminatingError(ErrorMapping.ToRecord(Explained(ex), Family, ErrorTarget));
        }
    }

    /// <summary>
    /// PowerShell's own exceptions already carry their record (a stopped pipeline, -ErrorAction
    /// Stop, a record this cmdlet threw, a parameter binding failure): they go on untouched.
    /// </summary>
    static bool PassesThrough(Exception ex) => ex is RuntimeException and not (ItemNotFoundException or DriveNotFoundException or ProviderNotFoundException);

    /// <summary>Queues a write from any thread; it happens on the pipeline thread during <see cref="Await{T}"/>.</summary>
    protected internal void Post(Action write) => _pump.Post(write);

    /// <summary>
    /// Completes once fewer than the backlog's limit of writes wait for the pipeline thread (or <paramref name="ct"/> is cancelled):
    /// memory stays flat when the consumer is the slower side.
    /// </summary>
    internal ValueTask RoomAsync(CancellationToken ct) => _pump.RoomAsync(ct);

    /// <summary>
    /// Runs async work to completion while writing what it posts. Ctrl+C ends it with
    /// PipelineStoppedException; core failures come out as they were thrown.
    /// </summary>
    protected internal T Await<T>(Func<CancellationToken, Task<T>> work)
    {
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        return Wait(Task.Run(() => work(scope.Token)), scope);
    }

    /// <summary>
    /// <see cref="Await{T}"/> for work already running (a pending read of a listing): no hop
    /// through the thread pool to start it. Its own token is the one to cancel it.
    /// </summary>
    private protected T Await<T>(Task<T> running) => Wait(running, null);

    T Wait<T>(Task<T> task, CancellationTokenSource? scope)
    {
        // Woken by a posted write or by the end of the work, never by polling: a poll interval
        // would add its length to every call and every streamed event.
        try
        {
            _pump.RunUntil(task);
        }
        catch
        {
            // A write failed (Select-Object -First downstream stops the pipeline, a -Script threw):
            // the work is cancelled (a call's reader then cancels the job on the server) and
            // what it still posts is dropped.
            scope?.Cancel();
            try
            {
                task.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // The write's failure is the one to report.
            }
            _pump.Discard();
            throw;
        }
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

    /// <summary>Writes what was posted so far (on the pipeline thread).</summary>
    private protected void Drain() => _pump.Drain();

    /// <summary>Where the core reports HTTP exchanges: this cmdlet's -Verbose and -Debug streams.</summary>
    internal IHttpLog HttpLog => _log ??= new PostedLog(this);

    IHttpLog? _log;

    sealed class PostedLog : IHttpLog
    {
        readonly AsyncCmdlet _owner;

        public PostedLog(AsyncCmdlet owner) => _owner = owner;

        public void Verbose(string line) => _owner.Post(() => _owner.WriteVerbose(line));

        public void Debug(string line) => _owner.Post(() => _owner.WriteDebug(line));
    }

    /// <summary>A progress sink for the core whose reports become Write-Progress on the pipeline thread.</summary>
    protected IProgress<T> ProgressTo<T>(Action<T> write) => new ThrottledProgress<T>(value => Post(() => write(value)));

    /// <summary>This cmdlet's streams as a call's reader sees them: writes are posted to the pipeline thread.</summary>
    internal ICallOutput Output => _output ??= new PostedOutput(this);

    ICallOutput? _output;

    sealed class PostedOutput : ICallOutput
    {
        readonly AsyncCmdlet _owner;

        public PostedOutput(AsyncCmdlet owner) => _owner = owner;

        public void Result(object? item) => _owner.Post(() => _owner.WriteObject(item));

        public void Progress(ProgressRecord record) => _owner.Post(() => _owner.WriteProgress(record));

        public void Warning(string text) => _owner.Post(() => _owner.WriteWarning(text));

        public void Information(string text, string[] tags) => _owner.Post(() => _owner.WriteInformation(text, tags));

        public ValueTask RoomAsync(CancellationToken ct) => _owner.RoomAsync(ct);
    }
}
