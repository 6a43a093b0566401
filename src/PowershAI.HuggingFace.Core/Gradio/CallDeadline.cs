using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// An opt-in bound on the whole of one call (submitting, uploading, reading the results,
/// downloading): work run through it is cancelled when the time is up and fails as a Timeout,
/// and a submitted job is cancelled on the server, so its reader sees it end as cancelled.
/// Without a limit it changes nothing.
/// </summary>
public sealed class CallDeadline : IDisposable
{
    readonly CancellationTokenSource? _expiry;

    public CallDeadline(TimeSpan? limit)
    {
        Limit = limit;
        if (limit is { } l) _expiry = new CancellationTokenSource(l);
    }

    public TimeSpan? Limit { get; }

    /// <summary>True once the time is up.</summary>
    public bool Expired => _expiry?.IsCancellationRequested == true;

    /// <summary>Runs <paramref name="work"/> under <paramref name="ct"/> and the deadline; the deadline passing makes it a Timeout failure.</summary>
    public async Task<T> RunAsync<T>(string apiName, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (_expiry == null) return await work(ct).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _expiry.Token);
        try
        {
            return await work(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Expired && !ct.IsCancellationRequested)
        {
            throw Failure(apiName, jobCancelled: false);
        }
    }

    /// <summary>Cancels <paramref name="job"/> on the server when the time is up; dispose to stop watching.</summary>
    public CancellationTokenRegistration CancelOnExpiry(GradioJob job) =>
        _expiry == null ? default : _expiry.Token.Register(() => _ = job.CancelAsync());

    /// <summary>The failure to report once the time is up.</summary>
    public GradioException Failure(string apiName, bool jobCancelled)
    {
        var seconds = (Limit ?? TimeSpan.Zero).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new GradioException(GradioErrorKind.Timeout,
            $"{apiName} did not finish within {seconds} s{(jobCancelled ? "; its job was cancelled on the server" : "")}.", target: apiName);
    }

    public void Dispose() => _expiry?.Dispose();
}
