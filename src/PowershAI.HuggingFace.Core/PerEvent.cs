using System.Runtime.CompilerServices;

namespace PowershAI.HuggingFace.Core;

/// <summary>
/// <c>[MethodImpl(PerEvent.Compile)]</c> marks the synchronous methods a stream runs once per
/// event. .NET first compiles a method unoptimized and recompiles it once it is hot, but only
/// after a quiet spell without new methods to compile, which a PowerShell process rarely has: in
/// a fresh process the per-event code ran unoptimized through the first few hundred thousand
/// events (bench/README.md, "A stream's per-event code compiled optimized at once"). These are
/// compiled optimized on first use instead.
/// </summary>
public static class PerEvent
{
    /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name (.NET Framework ignores it).</summary>
    public const MethodImplOptions Compile = (MethodImplOptions)512;
}
