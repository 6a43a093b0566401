using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Base of the Hub cmdlets: a client with the caller's token (or the discovered one), the connection controls, and lazy listings.</summary>
public abstract class HubCmdlet : WebCmdlet
{
    internal override ErrorFamily Family => ErrorFamily.HuggingFace;

    /// <summary>The Hub's answers are waited for this long by default.</summary>
    protected static readonly TimeSpan DefaultRequestTimeout = new HubClientOptions().Timeout;

    /// <summary>Seconds to wait for each answer of the Hub (30 by default; a request is tried up to 4 times). The Space wait commands make it the whole wait.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public virtual int TimeoutSec { get; set; } = (int)DefaultRequestTimeout.TotalSeconds;

    /// <summary>How long one answer may take.</summary>
    protected virtual TimeSpan RequestTimeout => TimeSpan.FromSeconds(TimeoutSec);

    /// <summary>A client for this call: an explicit token wins, else the discovery order of TokenSource; anonymous on request.</summary>
    protected HubClient Hub(SecureString? token = null, bool anonymous = false)
    {
        var options = new HubClientOptions
        {
            Token = TokenSource.Resolve(token, anonymous),
            Log = HttpLog,
            Settings = Connection(),
            Timeout = RequestTimeout,
        };
        if (RetryPolicy() is { } retry)
        {
            options.MaxAttempts = retry.MaxAttempts;
            options.InitialBackoff = retry.InitialBackoff;
            options.MaxBackoff = retry.MaxBackoff;
        }
        return new(options);
    }

    /// <summary>At most <paramref name="max"/> items (all when 0 or less); the pages past them are never requested.</summary>
    protected static async IAsyncEnumerable<T> Take<T>(IAsyncEnumerable<T> items, int max)
    {
        var count = 0;
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (max > 0 && count++ >= max) yield break;
            yield return item;
        }
    }

    /// <summary>
    /// Writes the items of a listing as they come. A page is fetched only when the pipeline asks
    /// for more, so "| Select-Object -First 5" stops the fetching.
    /// </summary>
    protected void WriteEach<T>(IAsyncEnumerable<T> items, Func<T, object?> view)
    {
        var e = items.GetAsyncEnumerator(CancelToken);
        try
        {
            while (MoveNext(e)) WriteObject(view(e.Current));
        }
        finally
        {
            e.DisposeAsync().AsTask().Wait();
        }
    }

    /// <summary>
    /// An item already read (the rest of a page that has arrived) is taken on this thread; only a
    /// wait for the network goes through <see cref="AsyncCmdlet.Await{T}"/>, whose hop to the thread
    /// pool and back would otherwise be paid by every item.
    /// </summary>
    bool MoveNext<T>(IAsyncEnumerator<T> e)
    {
        var step = e.MoveNextAsync();
        if (!step.IsCompletedSuccessfully) return Await(step.AsTask());
        Drain();
        return step.Result;
    }
}
