using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// PowershAI exports functions with the names of many of these cmdlets, and a function outranks
/// a cmdlet whatever the import order, so with both loaded its functions answer. This says so
/// once per runspace: at import when PowershAI is already there, else at the first cmdlet run
/// after it arrived, naming the hidden cmdlets and how to reach ours.
/// </summary>
static class PowershaiShadowing
{
    const string Module = "powershai";
    // A function PowershAI always exports; its presence is the cheap test run before each cmdlet.
    const string Probe = "function:New-GradioSession";

    static readonly ConditionalWeakTable<Runspace, object> Warned = new();

    // Reflection over every type: made only when PowershAI is there, not at every import.
    static readonly Lazy<string[]> OurCmdlets = new(() => typeof(PowershaiShadowing).Assembly.GetTypes()
        .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault())
        .Where(a => a != null).Select(a => a!.VerbName + "-" + a.NounName).ToArray());

    /// <summary>
    /// At import. IModuleAssemblyInitializer is given no cmdlet to write through, so the warning is
    /// written by the Import-Module command loading this module (found through PowerShell's
    /// internal ExecutionContext): its -WarningAction, -WarningVariable, $WarningPreference and 3>&amp;1
    /// apply. When that command cannot be found, or ignores warnings (autoloading imports with
    /// -WarningAction Ignore), the runspace is left unmarked and the first cmdlet run warns instead.
    /// </summary>
    public static void CheckAtImport()
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null || ImportCommand(runspace) is not { } import) return;
        if (import.MyInvocation.BoundParameters.TryGetValue("WarningAction", out var action) && action is ActionPreference.Ignore) return;
        Warn(import, runspace);
    }

    /// <summary>The Import-Module command running now in <paramref name="runspace"/>, or null.</summary>
    static PSCmdlet? ImportCommand(Runspace runspace)
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        try
        {
            var context = runspace.GetType().GetProperty("ExecutionContext", Any)?.GetValue(runspace);
            var processor = context?.GetType().GetProperty("CurrentCommandProcessor", Any)?.GetValue(context);
            return processor?.GetType().GetProperty("Command", Any)?.GetValue(processor) is PSCmdlet { MyInvocation.MyCommand.Name: "Import-Module" } import ? import : null;
        }
        catch (Exception ex) when (ex is TargetInvocationException or AmbiguousMatchException or MemberAccessException)
        {
            return null;
        }
    }

    /// <summary>Before a cmdlet runs: PowershAI may have been imported after this module.</summary>
    public static void Check(PSCmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null || Warned.TryGetValue(runspace, out _)) return;
        Warn(cmdlet, runspace);
    }

    /// <summary>
    /// Warns through <paramref name="writer"/> when the probe function is PowershAI's. The probe is
    /// read through the provider, not a script block or a Get-Module pipeline: in a fresh process
    /// either of those costs a good part of the whole import.
    /// </summary>
    static void Warn(PSCmdlet writer, Runspace runspace)
    {
        FunctionInfo? function;
        try
        {
            var item = writer.SessionState.InvokeProvider.Item;
            if (!item.Exists(Probe, force: false, literalPath: true)) return;
            function = item.Get(Probe).Select(o => o.BaseObject).OfType<FunctionInfo>().FirstOrDefault();
        }
        catch (ProviderNotFoundException)
        {
            return;   // a restricted runspace without the Function: drive has no PowershAI functions either
        }
        catch (DriveNotFoundException)
        {
            return;
        }
        if (function?.Module is not { } module || !module.Name.Equals(Module, StringComparison.OrdinalIgnoreCase)) return;
        if (Message(module) is { } message && MarkWarned(runspace)) writer.WriteWarning(message);
    }

    static string? Message(PSModuleInfo powershai)
    {
        var hidden = OurCmdlets.Value.Where(powershai.ExportedFunctions.ContainsKey).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        if (hidden.Count == 0) return null;
        return $"PowershAI is loaded, and its functions hide these PowershAI.HuggingFace cmdlets of the same name (a function outranks a cmdlet): {string.Join(", ", hidden)}. " +
               $"Call ours by module-qualified name (PowershAI.HuggingFace\\{hidden[0]}), or run 'Remove-Module powershai'.";
    }

    static bool MarkWarned(Runspace runspace)
    {
        lock (Warned)
        {
            if (Warned.TryGetValue(runspace, out _)) return false;
            Warned.Add(runspace, true);
            return true;
        }
    }
}
