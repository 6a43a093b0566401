using System;
using System.IO;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>A read-only wrapper that reports how many bytes were read, so uploads stream from disk with progress.</summary>
sealed class ProgressStream : ReadObserverStream
{
    readonly Action<long> _report;
    long _done;

    public ProgressStream(Stream inner, Action<long> report) : base(inner) => _report = report;

    protected override void Observe(byte[] buffer, int offset, int count)
    {
        _done += count;
        _report(_done);
    }

    protected override void Moved(long position) => _done = position;
}
