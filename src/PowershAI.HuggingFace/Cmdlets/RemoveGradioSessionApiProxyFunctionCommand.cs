using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Remove-GradioSessionApiProxyFunction: deletes generated functions (by object or name); other commands are left alone.</summary>
[Cmdlet(VerbsCommon.Remove, "GradioSessionApiProxyFunction", SupportsShouldProcess = true)]
public sealed class RemoveGradioSessionApiProxyFunctionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Name")]
    public object[] Function { get; set; } = null!;

    protected override void ProcessRecord()
    {
        foreach (var item in Function)
        {
            var value = item is PSObject ps ? ps.BaseObject : item;
            var command = value as FunctionInfo ?? InvokeCommand.GetCommand(value?.ToString() ?? "", CommandTypes.Function) as FunctionInfo;
            if (command == null || GeneratedFunctions.Marker(command) == null)
            {
                WriteError(new ErrorRecord(new ArgumentException($"'{value}' is not a generated Gradio function."), "GradioFunctionNotFound", ErrorCategory.ObjectNotFound, value));
                continue;
            }
            if (ShouldProcess(command.Name, "Remove the generated function")) GeneratedFunctions.Remove(this, command);
        }
    }
}
