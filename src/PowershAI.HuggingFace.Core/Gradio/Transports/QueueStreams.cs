using System.Collections.Concurrent;

namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>The open queue streams of a process, one per app root and session hash (owned by <see cref="ClientState"/>).</summary>
sealed class QueueStreams
{
    internal ConcurrentDictionary<string, QueueSessionStream> Streams { get; } = new();
}
