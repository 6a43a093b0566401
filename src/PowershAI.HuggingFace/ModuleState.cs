using System.Collections.Generic;
using System.Threading;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace;

/// <summary>
/// The one owner of the module's process-wide state: the Gradio sessions and the default one,
/// the Spaces seen (for tab completion) and the user's own Spaces once read; the core's shared
/// state (connections and logins, queue streams, the Hub context) is <see cref="ClientState"/>.
/// Sessions are process-wide on purpose: every runspace (ForEach-Object -Parallel) sees them.
/// </summary>
public sealed class ModuleState
{
    static ModuleState _current = new();

    public static ModuleState Current => Volatile.Read(ref _current);

    /// <summary>Forgets everything: sessions, connections and logins, streams, tokens set, caches (for tests).</summary>
    public static void Reset()
    {
        ClientState.Reset();
        Interlocked.Exchange(ref _current, new ModuleState());
    }

    internal SessionSet Sessions { get; } = new();

    internal object RecentLock { get; } = new();

    /// <summary>Spaces seen in this process, newest first.</summary>
    internal List<string> RecentSpaces { get; } = new();

    /// <summary>The token user's own Spaces, read once for completion.</summary>
    internal IReadOnlyList<string>? MySpaces { get; set; }
}
