using System;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>What went wrong below HTTP statuses: the Gradio and Hub clients turn these into their own kinds.</summary>
public enum TransportFailureKind
{
    /// <summary>No connection (DNS, refused, TLS).</summary>
    Unreachable,
    /// <summary>No answer, or no more bytes, within the bound.</summary>
    Timeout,
    /// <summary>The connection broke after the server had answered.</summary>
    Dropped,
    /// <summary>A body or a message larger than the limit set for it.</summary>
    TooLarge,
}

/// <summary>A failure of the transport itself, with a readable message that names the URL's origin.</summary>
public sealed class TransportFailure : Exception
{
    public TransportFailure(TransportFailureKind kind, string message, Uri? url, Exception? inner = null) : base(message, inner)
    {
        Kind = kind;
        Url = url;
    }

    public TransportFailureKind Kind { get; }

    public Uri? Url { get; }
}

public static class TransportFailureMapping
{
    /// <summary>Awaits a transport operation, turning its <see cref="TransportFailure"/> into a client's own failure.</summary>
    public static async Task<T> MapFailure<T>(this Task<T> operation, Func<TransportFailure, Exception> map)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (TransportFailure t)
        {
            throw map(t);
        }
    }

    /// <summary>The same for a ValueTask: no allocation when it completed already (an event stream's next item, mostly).</summary>
    public static async ValueTask<T> MapFailure<T>(this ValueTask<T> operation, Func<TransportFailure, Exception> map)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (TransportFailure t)
        {
            throw map(t);
        }
    }
}
