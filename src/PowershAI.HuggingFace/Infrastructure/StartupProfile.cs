using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// pwsh records the methods a process compiles (.NET's multicore JIT profile) so that the next
/// process compiles them ahead of need on another core. The runtime stops that playback at the
/// first assembly it cannot load by name, which is any module outside PowerShell's own
/// assemblies, this one included: in a process that imports this module, nothing that runs after
/// the import was ever compiled ahead. So the import ends pwsh's recording (written up to here,
/// the part that can be played) and records the rest of the process in a profile of its own,
/// whose playback starts once these assemblies are loaded (docs/design.md, "Start-up").
/// </summary>
static class StartupProfile
{
    /// <summary>The profile's file name, in the folder pwsh keeps its own profiles in.</summary>
    public const string FileName = "PowershAI.HuggingFace-ProfileData";

    /// <summary>Set to 1, on, yes or true: the import leaves pwsh's recording alone.</summary>
    public const string DisableVariable = "POWERSHAI_HF_DISABLE_JIT_PROFILE";

    static int _started;

    /// <summary>Once per process, and only in pwsh: another host's profile, if it keeps one, is its own.</summary>
    public static void StartAtImport()
    {
        if (Assembly.GetEntryAssembly()?.GetName().Name != "pwsh" || EnvironmentVariable.IsOn(DisableVariable)) return;
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        // Public in .NET's core library, not in netstandard2.0's surface.
        var start = typeof(object).Assembly.GetType("System.Runtime.ProfileOptimization")?.GetMethod("StartProfile", new[] { typeof(string) });
        if (start == null) return;
        // Ending pwsh's recording writes its profile, tens of ms: the import goes on meanwhile.
        Task.Run(() =>
        {
            try
            {
                start.Invoke(null, new object[] { FileName });
            }
            catch (TargetInvocationException)
            {
                // A profile only saves time: without one the process runs as it would have.
            }
        });
    }
}
