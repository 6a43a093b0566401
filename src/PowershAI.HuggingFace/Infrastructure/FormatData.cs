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
        loaded.HubItemsAdapted = TryInvoke(cmdlet, "Microsoft.PowerShell.Utility\\Update-TypeData -TypeData $args[0] -Force", new[]
        {
            new TypeData(typeof(HubItem)) { TypeAdapter = typeof(HubItemAdapter) },
            new TypeData(typeof(GradioApiEventResult)) { TypeAdapter = typeof(GradioApiEventResultAdapter) },
        });
        if (File.Exists(FilePath)) TryInvoke(cmdlet, "Microsoft.PowerShell.Utility\\Update-FormatData -AppendPath $args[0]", FilePath);
    }

    static bool TryInvoke(PSCmdlet cmdlet, string script, object argument)
    {
        try
        {
            cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(script), null, argument);
            return true;
        }
        catch (RuntimeException)
        {
            return false;
        }
    }
}
