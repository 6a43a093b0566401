using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Batch;

/// <summary>
/// Runs work items with at most <see cref="Limit"/> of them in flight and hands back what they
/// produce for the caller to write on its own thread: in input order (an item's output waits until
/// every earlier item has been released; the first unreleased item's flows as it comes), or, when
/// not ordered, as it comes. An item's failure is its own: it is handed back in its place and the
/// others go on. <see cref="Changed"/> fires whenever something can be taken or room was made, so
/// the caller waits on a signal, never by polling. Cancelling cancels every item's token.
/// </summary>
public sealed class OrderedBatch<T>
{
    readonly object _gate = new();
    readonly LinkedList<Item> _unreleased = new();
    readonly CancellationTokenSource _cancel;
    readonly bool _ordered;
    int _inFlight;
    int _next;

    /// <param name="limit">Items running at once (1 or more).</param>
    /// <param name="ordered">Hand outputs back in input order.</param>
    /// <param name="ct">Cancels every item (Ctrl+C).</param>
    public OrderedBatch(int limit, bool ordered, CancellationToken ct)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "The limit is 1 or more.");
        Limit = limit;
        _ordered = ordered;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
    }

    public int Limit { get; }

    /// <summary>Raised (on any thread) when an item produced something, ended, or left room.</summary>
    public event Action? Changed;

    /// <summary>Items started and not yet ended.</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>Items ended so far (released or not).</summary>
    public int Ended { get; private set; }

    /// <summary>
    /// Another item may start: fewer than <see cref="Limit"/> run and, in order, the ended items
    /// held behind a slow earlier one stay few (their outputs are kept in memory until then).
    /// </summary>
    public bool HasRoom
    {
        get
        {
            lock (_gate) return _inFlight < Limit && _unreleased.Count < Limit * HeldPerSlot;
        }
    }

    /// <summary>Nothing runs and everything was taken.</summary>
    public bool IsDone
    {
        get { lock (_gate) return _unreleased.Count == 0; }
    }

    const int HeldPerSlot = 16;

    /// <summary>Starts an item on the thread pool; it gives its outputs to the emit delegate, from any thread.</summary>
    public void Start(Func<Action<T>, CancellationToken, Task> work)
    {
        Item item;
        lock (_gate)
        {
            item = new Item(_next++);
            _unreleased.AddLast(item);
            _inFlight++;
        }
        var token = _cancel.Token;
        Task.Run(() => work(value => Emit(item, value), token), token)
            .ContinueWith(t => End(item, t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels every item still running.</summary>
    public void Cancel() => _cancel.Cancel();

    public bool IsCancelled => _cancel.IsCancellationRequested;

    /// <summary>What may be written now, in the order to write it; each taken once.</summary>
    public List<BatchOutput<T>> Take()
    {
        var taken = new List<BatchOutput<T>>();
        lock (_gate)
        {
            var node = _unreleased.First;
            while (node != null)
            {
                var item = node.Value;
                var next = node.Next;
                while (item.Outputs.Count > 0) taken.Add(BatchOutput<T>.Of(item.Index, item.Outputs.Dequeue()));
                if (item.Done)
                {
                    taken.Add(BatchOutput<T>.EndOf(item.Index, item.Failure));
                    _unreleased.Remove(node);
                }
                else if (_ordered)
                {
                    break;
                }
                node = next;
            }
        }
        return taken;
    }

    void Emit(Item item, T value)
    {
        lock (_gate) item.Outputs.Enqueue(value);
        Changed?.Invoke();
    }

    void End(Item item, Task task)
    {
        lock (_gate)
        {
            item.Done = true;
            item.Failure = task.IsFaulted ? Unwrap(task.Exception!) : task.IsCanceled ? new OperationCanceledException(_cancel.Token) : null;
            _inFlight--;
            Ended++;
        }
        Changed?.Invoke();
    }

    static Exception Unwrap(AggregateException ex) => ex.InnerExceptions.Count == 1 ? ex.InnerExceptions[0] : ex;

    sealed class Item
    {
        public Item(int index) => Index = index;

        public int Index { get; }
        public Queue<T> Outputs { get; } = new();
        public bool Done { get; set; }
        public Exception? Failure { get; set; }
    }
}

/// <summary>One thing an item of an <see cref="OrderedBatch{T}"/> handed back: an output, or its end (with its failure, if any).</summary>
public readonly struct BatchOutput<T>
{
    BatchOutput(int index, T value, bool isEnd, Exception? failure)
    {
        Index = index;
        Value = value;
        IsEnd = isEnd;
        Failure = failure;
    }

    /// <summary>The item's place in input order, from 0.</summary>
    public int Index { get; }
    public T Value { get; }
    public bool IsEnd { get; }
    public Exception? Failure { get; }

    internal static BatchOutput<T> Of(int index, T value) => new(index, value, false, null);

    internal static BatchOutput<T> EndOf(int index, Exception? failure) => new(index, default!, true, failure);
}
