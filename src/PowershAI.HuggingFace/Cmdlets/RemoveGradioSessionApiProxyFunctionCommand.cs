using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Remove-GradioSessionApiProxyFunction: deletes generated functions, by object, name or wildcard
/// (a wildcard that matches nothing removes nothing; a name that is not a generated function is an
/// error). Other commands are left alone.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "GradioSessionApiProxyFunction", SupportsShouldProcess = true)]
public sealed class RemoveGradioSessionApiProxyFunctionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Name")]
    public object[] Function { get; set; } = null!;

    protected override void Process() => ForEachItem(Function, f => f, item =>
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        if (value is string pattern && WildcardPattern.ContainsWildcardCharacters(pattern))
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            foreach (var (function, _) in GeneratedFunctions.All(this).Where(f => wildcard.IsMatch(f.Function.Name)).ToList())
                Remove(function);
            return;
        }
        var command = value as FunctionInfo ?? InvokeCommand.GetCommand(value?.ToString() ?? "", CommandTypes.Function) as FunctionInfo;
        if (command == null || GeneratedFunctions.Marker(command) == null)
            throw new GradioException(GradioErrorKind.FunctionNotFound, $"'{value}' is not a generated Gradio function.", target: value?.ToString());
        Remove(command);
    });

    void Remove(FunctionInfo function)
    {
        if (ShouldProcess(function.Name, "Remove the generated function")) GeneratedFunctions.Remove(this, function);
    }
}
