using System;
using System.Collections.Generic;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>
/// The open queue streams of a process by app root and session hash (owned by <see cref="ClientState"/>);
/// the only place that holds them, so a stream that left it can never take another join.
/// </summary>
sealed class QueueStreams
{
    readonly Dictionary<string, QueueSessionStream> _streams = new();

    public QueueSessionStream GetOrAdd(string key, Func<QueueSessionStream> create)
    {
        lock (_streams)
        {
            if (!_streams.TryGetValue(key, out var stream)) _streams[key] = stream = create();
            return stream;
        }
    }

    public void Remove(string key, QueueSessionStream stream)
    {
        lock (_streams)
            if (_streams.TryGetValue(key, out var current) && ReferenceEquals(current, stream)) _streams.Remove(key);
    }
}
