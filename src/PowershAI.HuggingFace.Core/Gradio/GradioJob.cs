using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// A submitted call. Its transport writes events into a channel; readers take them at their own
/// pace, may stop (after N heartbeats, say) and resume later. Cancelling asks the server to stop.
/// While a reader is reading (<see cref="BeginReading"/>), a transport that is more than
/// <see cref="MaxUnread"/> events ahead waits for it (<see cref="RoomAsync"/>), so a stream
/// faster than its reader does not pile up in memory; with no reader, events wait unbounded, and
/// so do those of a job whose transport is shared with other jobs (<see cref="ShareTransport"/>).
/// </summary>
public abstract class GradioJob
{
    /// <summary>Events a transport may be ahead of an active reader before it waits.</summary>
    public const int MaxUnread = 1024;

    readonly Channel<GradioEvent> _events = Channel.CreateUnbounded<GradioEvent>(new UnboundedChannelOptions { SingleReader = true });
    readonly Backlog _unread = new(MaxUnread);
    readonly Func<bool> _holdsBack;
    int _readers;
    bool _shared;
    int _started;
    int _ended;

    protected GradioJob(GradioClient client, AppInfo app, EndpointInfo endpoint, string sessionHash, string protocol)
    {
        Client = client;
        App = app;
        Endpoint = endpoint;
        SessionHash = sessionHash;
        Protocol = protocol;
        _holdsBack = () => _unread.Full && Volatile.Read(ref _readers) > 0 && !Volatile.Read(ref _shared);
    }

    public GradioClient Client { get; }

    public AppInfo App { get; }

    public EndpointInfo Endpoint { get; }

    public string SessionHash { get; }

    /// <summary>The transport that carries it: queue, call, websocket or run.</summary>
    public string Protocol { get; }

    /// <summary>The server's event id (set once the server accepted the job).</summary>
    public string? EventId { get; protected set; }

    /// <summary>True once a terminal event was delivered to the reader.</summary>
    public bool Finished { get; private set; }

    /// <summary>Where the job stands, from the events received so far, read or not.</summary>
    public GradioJobState State => (GradioJobState)Volatile.Read(ref _state);

    int _state;

    /// <summary>
    /// Starts receiving the job's events in the background (the first read starts it too), so
    /// <see cref="State"/> moves while nobody reads; the events wait for the reader.
    /// </summary>
    public void Receive()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) StartProducing();
    }

    /// <summary>The next event, or null when the job has no more. Throws the failure that ended the stream.</summary>
    public ValueTask<GradioEvent?> ReadAsync(CancellationToken ct)
    {
        Receive();
        // An event already waiting is taken without an asynchronous step: a fast stream's reader
        // mostly finds one. A cancelled read still ends with the cancellation, queued events or not.
        return !ct.IsCancellationRequested && _events.Reader.TryRead(out var e) ? new ValueTask<GradioEvent?>(Taken(e)) : WaitAsync(ct);
    }

    async ValueTask<GradioEvent?> WaitAsync(CancellationToken ct)
    {
        try
        {
            while (await _events.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
                if (_events.Reader.TryRead(out var e)) return Taken(e);
            return null;
        }
        catch (ChannelClosedException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    [MethodImpl(PerEvent.Compile)]
    GradioEvent Taken(GradioEvent e)
    {
        _unread.Take();
        if (e.IsTerminal) Finished = true;
        return e;
    }

    /// <summary>Events received and not read yet.</summary>
    internal int Unread => _unread.Count;

    /// <summary>Marks a reader active until the result is disposed: meanwhile the transport keeps at most <see cref="MaxUnread"/> events ahead of it.</summary>
    public IDisposable BeginReading()
    {
        Interlocked.Increment(ref _readers);
        return new Reading(this);
    }

    sealed class Reading : IDisposable
    {
        GradioJob? _job;

        public Reading(GradioJob job) => _job = job;

        public void Dispose()
        {
            var job = Interlocked.Exchange(ref _job, null);
            if (job == null) return;
            Interlocked.Decrement(ref job._readers);
            // A reader that stops (after N heartbeats, say) lets the transport receive unbounded again.
            job._unread.Release();
        }
    }

    /// <summary>
    /// For transports, after publishing: completes at once unless a reader is active and more than
    /// <see cref="MaxUnread"/> events wait for it; then once it has read half of them, or stopped reading.
    /// </summary>
    protected internal ValueTask RoomAsync(CancellationToken ct) => _unread.WaitAsync(_holdsBack, ct);

    /// <summary>
    /// The transport now carries other jobs too (a session's queue stream): it is never held back
    /// for this one again, since one reader may be waiting for another job's results (nested reads).
    /// </summary>
    internal void ShareTransport()
    {
        Volatile.Write(ref _shared, true);
        _unread.Release();
    }

    /// <summary>Asks the server to stop the job; bounded by the client's timeout, failures ignored.</summary>
    public async Task CancelAsync()
    {
        if (Finished) return;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(5, Client.Options.Timeout.TotalSeconds)));
        try
        {
            await CancelOnServerAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GradioException or OperationCanceledException)
        {
            // Best effort: the caller is already stopping.
        }
        finally
        {
            Abandon();
            // A later read of this job then ends with "cancelled" instead of waiting for events that will not come.
            Publish(new GradioEvent(GradioEventKind.Complete) { Cancelled = true });
            Close();
        }
    }

    /// <summary>Starts whatever fills the channel; called on the first read.</summary>
    protected abstract void StartProducing();

    protected abstract Task CancelOnServerAsync(CancellationToken ct);

    /// <summary>Releases the connection the job reads from, if it owns one.</summary>
    protected virtual void Abandon() { }

    /// <summary>
    /// Queues an event for the reader. A job ends once: a second terminal event (the server's own
    /// "cancelled" racing the one <see cref="CancelAsync"/> publishes) is dropped.
    /// </summary>
    [MethodImpl(PerEvent.Compile)]
    protected internal bool Publish(GradioEvent e)
    {
        if (e.IsTerminal && Interlocked.Exchange(ref _ended, 1) == 1) return false;
        if (StateAfter(e) is GradioJobState next) Settle(next);
        _unread.Add();
        if (_events.Writer.TryWrite(e)) return true;
        _unread.Withdraw();
        return false;
    }

    protected internal void Close(Exception? failure = null)
    {
        if (failure != null) Settle(GradioJobState.Failed);
        _events.Writer.TryComplete(failure);
    }

    static GradioJobState? StateAfter(GradioEvent e) => e.Kind switch
    {
        GradioEventKind.Estimation => GradioJobState.Queued,
        GradioEventKind.Started or GradioEventKind.Progress or GradioEventKind.Log or GradioEventKind.Generating => GradioJobState.Running,
        GradioEventKind.Complete => e.Cancelled ? GradioJobState.Cancelled : GradioJobState.Complete,
        GradioEventKind.Error => GradioJobState.Error,
        _ => null,
    };

    /// <summary>Moves the state on, never back out of an ending one (a late close after complete stays complete).</summary>
    void Settle(GradioJobState next)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if ((GradioJobState)current >= GradioJobState.Complete) return;
            if (Interlocked.CompareExchange(ref _state, (int)next, current) == current) return;
        }
    }

    /// <summary>Runs a producer in the background and closes the channel with whatever ended it.</summary>
    protected void RunProducer(Func<Task> producer) => Task.Run(async () =>
    {
        try
        {
            await producer().ConfigureAwait(false);
            Close();
        }
        catch (Exception ex)
        {
            Close(ex);
        }
    });
}
