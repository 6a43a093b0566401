using PowershAI.HuggingFace.Core;
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

    protected override void Process() => ForEachItem(Function, f => f, item =>
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        var command = value as FunctionInfo ?? InvokeCommand.GetCommand(value?.ToString() ?? "", CommandTypes.Function) as FunctionInfo;
        if (command == null || GeneratedFunctions.Marker(command) == null)
            throw new GradioException(GradioErrorKind.FunctionNotFound, $"'{value}' is not a generated Gradio function.", target: value?.ToString());
        if (ShouldProcess(command.Name, "Remove the generated function")) GeneratedFunctions.Remove(this, command);
    });
}
