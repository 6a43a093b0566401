using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Where a call's reader puts what it reads: a cmdlet's streams (foreground) or a job's
/// (-AsJob). Called from the reading thread; implementations are thread-safe.
/// </summary>
interface ICallOutput
{
    void Result(object? item);

    void Progress(ProgressRecord record);

    void Warning(string text);

    void Information(string text, string[] tags);

    /// <summary>
    /// Completes once the output can take more results: a reader awaits it after each result, so
    /// a consumer slower than the stream holds the stream back instead of letting results pile up.
    /// </summary>
    ValueTask RoomAsync(CancellationToken ct);
}

/// <summary>Reports at most a few times a second: progress can come thousands of times a second and hosts need a few.</summary>
sealed class ThrottledProgress<T> : IProgress<T>
{
    readonly Action<T> _report;
    long _last;

    public ThrottledProgress(Action<T> report) => _report = report;

    public void Report(T value)
    {
        var now = Environment.TickCount;
        if (unchecked(now - Interlocked.Read(ref _last)) < 100) return;
        Interlocked.Exchange(ref _last, now);
        _report(value);
    }
}
