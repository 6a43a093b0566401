using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PowershAI.HuggingFace.Cmdlets;
using PowershAI.HuggingFace.Core.CodeGen;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Generated functions: the contract they share with Invoke-GradioEndpoint, and loading, finding
/// and removing them. One generation loads as one dynamic module (loading hundreds one by one is
/// slow); the functions land in the global scope, where a later generation of the same name
/// replaces them, and an earlier module left with no function of its own is removed, so
/// regenerating does not pile up modules in Get-Module.
/// </summary>
static class GeneratedFunctions
{
    const string ModulePrefix = "GradioApi.";

    // The engine's commands run by their qualified names, so a caller's function of the same name
    // (a proxy of Import-Module, say) cannot take a generation's module or remove another.
    const string Core = "Microsoft.PowerShell.Core\\";

    /// <summary>
    /// What every generated function is made with: the marker attribute, the module-qualified
    /// Invoke-GradioEndpoint it forwards to (so a same-named command elsewhere cannot intercept
    /// it) and the control parameters.
    /// </summary>
    public static ProxyOptions Options(PSCmdlet cmdlet)
    {
        var target = typeof(InvokeGradioEndpointCommand).GetCustomAttribute<CmdletAttribute>()!;
        var module = cmdlet.MyInvocation.MyCommand.ModuleName;
        var forwardTo = (string.IsNullOrEmpty(module) ? "" : module + "\\") + target.VerbName + "-" + target.NounName;
        // The full type name: without its Attribute suffix PowerShell would first fail a lookup, for every function.
        return new ProxyOptions(typeof(GradioGeneratedFunctionAttribute).FullName!, forwardTo, CallControls.ForGenerator);
    }

    /// <summary>
    /// Parses the text first (a parse error is a generator bug, and nothing runs), then loads the
    /// parsed script block as a global dynamic module: the text is data, never spliced into a command.
    /// </summary>
    public static IReadOnlyList<FunctionInfo> Load(PSCmdlet cmdlet, IReadOnlyList<GeneratedFunction> functions, ProxyOptions options)
    {
        if (functions.Count == 0) return Array.Empty<FunctionInfo>();
        var text = ProxyFunctionGenerator.ModuleText(functions, options);
        ScriptBlock body;
        try
        {
            // One parse, and no token list (for 20k functions that list alone is larger than the text).
            body = ScriptBlock.Create(text);
        }
        catch (ParseException ex)
        {
            var first = ex.Errors?.FirstOrDefault();
            throw new InvalidOperationException($"The generated functions do not parse ({first?.Message ?? ex.Message} at line {first?.Extent.StartLineNumber}); this is a bug in the generator.", ex);
        }
        // The module's one argument is its functions' call table (ProxyFunctionGenerator.ModuleText).
        const string loader = "param($Name, $Body, $Calls) " + Core + "New-Module -Name $Name -ScriptBlock $Body -ArgumentList $Calls | " + Core + "Import-Module -Global -Force -PassThru";
        var name = ModulePrefix + Guid.NewGuid().ToString("N");
        var module = cmdlet.InvokeCommand.InvokeScript(loader, false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, name, body, ProxyFunctionGenerator.CallTable(functions))
            .Select(o => o.BaseObject).OfType<PSModuleInfo>().First();
        // ExportedFunctions builds a new dictionary on every read.
        var exported = module.ExportedFunctions;
        RemoveSuperseded(cmdlet, module);
        return functions.Select(f => exported[f.Name]).ToList();
    }

    /// <summary>Removes the earlier generation modules none of whose functions is still the one a name runs.</summary>
    static void RemoveSuperseded(PSCmdlet cmdlet, PSModuleInfo current)
    {
        var earlier = cmdlet.InvokeCommand.InvokeScript(Core + "Get-Module -Name '" + ModulePrefix + "*'")
            .Select(o => o.BaseObject).OfType<PSModuleInfo>().Where(m => m != current).ToList();
        var functions = cmdlet.SessionState.InvokeProvider.Item;
        foreach (var module in earlier)
        {
            // Read through the Function: drive, which never triggers module auto-loading for a missing name.
            var live = module.ExportedFunctions.Keys.Any(name =>
                functions.Exists("function:" + name, force: false, literalPath: true)
                && functions.Get(new[] { "function:" + name }, force: false, literalPath: true).Select(o => o.BaseObject).OfType<FunctionInfo>().Any(f => f.ModuleName == module.Name));
            if (!live)
                cmdlet.InvokeCommand.InvokeScript("param($Module) " + Core + "Remove-Module -ModuleInfo $Module -Force", false, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, module);
        }
    }

    /// <summary>The generated functions visible to the caller, with their marker.</summary>
    public static IEnumerable<(FunctionInfo Function, GradioGeneratedFunctionAttribute Marker)> All(PSCmdlet cmdlet) =>
        cmdlet.InvokeCommand.GetCommands("*", CommandTypes.Function, nameIsPattern: true).OfType<FunctionInfo>()
            .Select(f => (f, Marker(f)))
            .Where(x => x.Item2 != null)
            .Select(x => (x.f, x.Item2!));

    public static GradioGeneratedFunctionAttribute? Marker(CommandInfo? command) =>
        (command as FunctionInfo)?.ScriptBlock.Attributes.OfType<GradioGeneratedFunctionAttribute>().FirstOrDefault();

    /// <summary>Through the Function: drive itself: no command a caller may have shadowed, and no import of the module that holds Remove-Item.</summary>
    public static void Remove(PSCmdlet cmdlet, FunctionInfo function) =>
        cmdlet.SessionState.InvokeProvider.Item.Remove(new[] { "function:" + function.Name }, recurse: false, force: true, literalPath: true);
}
