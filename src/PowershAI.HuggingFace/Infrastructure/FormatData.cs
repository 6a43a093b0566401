using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// The module's views (PowershAI.HuggingFace.Format.ps1xml) and the type adapter of stream results
/// (<see cref="GradioApiEventResultAdapter"/>) are loaded by its first command in a runspace, not
/// by Import-Module: loading a format file rebuilds the runspace's whole format table, about a
/// third of the import's CPU time (bench/README.md), and both are needed only once one of the
/// module's commands has written an object.
/// </summary>
static class FormatData
{
    static readonly ConditionalWeakTable<Runspace, object> Loaded = new();
    static readonly string FilePath = Path.Combine(Path.GetDirectoryName(typeof(FormatData).Assembly.Location) ?? "", "PowershAI.HuggingFace.Format.ps1xml");

    /// <summary>Called on the pipeline thread, so one runspace never runs it twice at once.</summary>
    public static void EnsureLoaded(PSCmdlet cmdlet)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace == null || Loaded.TryGetValue(runspace, out _)) return;
        Loaded.Add(runspace, FilePath);
        Run(cmdlet, "Microsoft.PowerShell.Utility\\Update-TypeData -TypeName $args[0] -TypeAdapter $args[1] -Force", typeof(GradioApiEventResult).FullName!, typeof(GradioApiEventResultAdapter));
        if (File.Exists(FilePath)) Run(cmdlet, "Microsoft.PowerShell.Utility\\Update-FormatData -AppendPath $args[0]", FilePath);
    }

    static void Run(PSCmdlet cmdlet, string script, params object[] args)
    {
        try
        {
            cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(script), null, args);
        }
        catch (RuntimeException)
        {
            // A session that forbids type or format updates shows the objects as PowerShell's .NET adapter and default views do.
        }
    }
}
