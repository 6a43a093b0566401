using System;
using System.Collections.Generic;
using System.Threading;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Counts the streams reading each mailbox at once. Gradio lets two queue/data streams of one
/// session take turns popping its messages, so each sees only part of them; a client must never
/// open a second one, and tests check the most seen.
/// </summary>
internal sealed class StreamReaders
{
    private readonly Dictionary<string, int> _open = [];
    private int _most;

    public int Most => Volatile.Read(ref _most);

    public IDisposable Enter(string key)
    {
        lock (_open)
        {
            var now = _open.TryGetValue(key, out var n) ? n + 1 : 1;
            _open[key] = now;
            if (now > _most) _most = now;
        }
        return new Leave(this, key);
    }

    private void Exit(string key)
    {
        lock (_open)
        {
            if (--_open[key] == 0) _open.Remove(key);
        }
    }

    private sealed class Leave(StreamReaders owner, string key) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Exit(key);
        }
    }
}
