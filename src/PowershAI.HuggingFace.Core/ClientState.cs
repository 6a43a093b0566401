using System.Threading;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Gradio.Transports;
using PowershAI.HuggingFace.Core.Http;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Core;

/// <summary>
/// The one owner of what the core shares across calls in a process: Gradio connections (with
/// their logins), the queue streams of sessions, the Hub context (session token, Space hosts,
/// endpoint settings), the secrets sent so far and the size limits. Made once per process, when
/// the module loads; <see cref="Reset"/> starts afresh (tests).
/// </summary>
public sealed class ClientState
{
    static ClientState _current = new();


    public static ClientState Current => Volatile.Read(ref _current);

    /// <summary>Replaces the state with a new, empty one.</summary>
    public static void Reset() => Interlocked.Exchange(ref _current, new ClientState());

    public SecretRegistry Secrets { get; } = new();

    public Limits Limits { get; } = Limits.FromEnvironment();

    public ConnectionPool Connections { get; } = new();

    internal QueueStreams QueueStreams { get; } = new();

    public HubContext Hub { get; }

    ClientState() => Hub = new HubContext(Secrets);
}
