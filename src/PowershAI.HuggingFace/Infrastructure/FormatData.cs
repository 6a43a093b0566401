using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// The module's views (PowershAI.HuggingFace.Format.ps1xml) and the type adapters of its Hub
/// objects (<see cref="HubItemAdapter"/>) and stream results (<see cref="GradioApiEventResultAdapter"/>)
/// are loaded by its first command in a runspace, not by Import-Module: loading a format file
/// rebuilds the runspace's whole format table, about a third of the import's CPU time
/// (bench/README.md), and all are needed only once one of the module's commands writes an object.
/// </summary>
static class FormatData
{
    sealed class Loaded
    {
        public bool HubItemsAdapted;
    }

    static readonly ConditionalWeakTable<Runspace, Loaded> Runspaces = new();
    static readonly string FilePath = Path.Combine(Path.GetDirectoryName(typeof(FormatData).Assembly.Location) ?? "", "PowershAI.HuggingFace.Format.ps1xml");

    /// <summary>Whether this thread's runspace shows <see cref="HubItem"/>s through their adapter.</summary>
    public static bool HubItemsAdapted => Runspace.DefaultRunspace is { } runspace && Runspaces.TryGetValue(runspace, out var loaded) && loaded.HubItemsAdapted;

    /// <summary>Called on the pipeline thread, so one runspace never runs it twice at once.</summary>
    public static void EnsureLoaded(PSCmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null || Runspaces.TryGetValue(runspace, out _)) return;
        var loaded = new Loaded();
        Runspaces.Add(runspace, loaded);
        // A session that forbids these updates gets the Hub objects as PSObjects (HubObjects), the
        // results as PowerShell's .NET adapter shows them, and PowerShell's default views.
        loaded.HubItemsAdapted = TryInvoke(cmdlet, "& $args[0] -TypeData $args[1] -Force", Utility("Update-TypeData", "UpdateTypeDataCommand"), new[]
        {
            new TypeData(typeof(HubItem)) { TypeAdapter = typeof(HubItemAdapter) },
            new TypeData(typeof(GradioApiEventResult)) { TypeAdapter = typeof(GradioApiEventResultAdapter) },
        });
        if (File.Exists(FilePath)) TryInvoke(cmdlet, "& $args[0] -AppendPath $args[1]", Utility("Update-FormatData", "UpdateFormatDataCommand"), FilePath);
    }

    /// <summary>
    /// The cmdlet itself, run from its class: calling it by name makes PowerShell import the whole
    /// Microsoft.PowerShell.Utility module first, which cost a fresh process's first command about
    /// as much as the updates (bench/README.md). Its assembly carries the engine's version and key
    /// in PowerShell 7 and 5.1 alike; where the class is not found, the name is used.
    /// </summary>
    static object Utility(string name, string className)
    {
        var assembly = typeof(PSObject).Assembly.GetName();
        assembly.Name = "Microsoft.PowerShell.Commands.Utility";
        var type = Type.GetType($"Microsoft.PowerShell.Commands.{className}, {assembly.FullName}", throwOnError: false);
        return type != null ? new CmdletInfo(name, type) : "Microsoft.PowerShell.Utility\\" + name;
    }

    static bool TryInvoke(PSCmdlet cmdlet, string script, object command, object argument)
    {
        try
        {
            cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(script), null, command, argument);
            return true;
        }
        catch (RuntimeException)
        {
            return false;
        }
    }
}
