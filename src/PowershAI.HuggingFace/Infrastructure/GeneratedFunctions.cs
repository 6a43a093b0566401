using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PowershAI.HuggingFace.Core.CodeGen;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Loading, finding and removing generated functions. One generation loads as one dynamic
/// module (loading hundreds one by one is slow); the functions land in the global scope, where a
/// later generation of the same name replaces them.
/// </summary>
static class GeneratedFunctions
{
    const string ModulePrefix = "GradioApi.";

    /// <summary>
    /// Parses the text first (a parse error is a generator bug, and nothing runs), then loads it
    /// as a global dynamic module. The text is passed as data, never spliced into a command.
    /// </summary>
    public static IReadOnlyList<FunctionInfo> Load(PSCmdlet cmdlet, IReadOnlyList<GeneratedFunction> functions)
    {
        if (functions.Count == 0) return Array.Empty<FunctionInfo>();
        var text = string.Join("\n", functions.Select(f => f.Text));
        Parser.ParseInput(text, out _, out var errors);
        if (errors.Length > 0)
            throw new InvalidOperationException($"The generated functions do not parse ({errors[0].Message} at line {errors[0].Extent.StartLineNumber}); this is a bug in the generator.");
        const string loader = "param($Name, $Text) New-Module -Name $Name -ScriptBlock ([scriptblock]::Create($Text)) | Import-Module -Global -Force -PassThru";
        var name = ModulePrefix + Guid.NewGuid().ToString("N");
        var module = cmdlet.InvokeCommand.InvokeScript(loader, false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, name, text)
            .Select(o => o.BaseObject).OfType<PSModuleInfo>().First();
        return functions.Select(f => module.ExportedFunctions[f.Name]).ToList();
    }

    /// <summary>The generated functions visible to the caller, with their marker.</summary>
    public static IEnumerable<(FunctionInfo Function, GradioGeneratedFunctionAttribute Marker)> All(PSCmdlet cmdlet) =>
        cmdlet.InvokeCommand.GetCommands("*", CommandTypes.Function, nameIsPattern: true).OfType<FunctionInfo>()
            .Select(f => (f, Marker(f)))
            .Where(x => x.Item2 != null)
            .Select(x => (x.f, x.Item2!));

    public static GradioGeneratedFunctionAttribute? Marker(CommandInfo? command) =>
        (command as FunctionInfo)?.ScriptBlock.Attributes.OfType<GradioGeneratedFunctionAttribute>().FirstOrDefault();

    public static void Remove(PSCmdlet cmdlet, FunctionInfo function)
    {
        const string remover = "param($Name) Remove-Item -LiteralPath \"Function:\\$Name\" -Force";
        cmdlet.InvokeCommand.InvokeScript(remover, false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, function.Name);
    }
}
