using System.Management.Automation;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Get-GradioSessionApi: the calls a session made, oldest first.</summary>
[Cmdlet(VerbsCommon.Get, "GradioSessionApi")]
[OutputType(typeof(SessionApiEvent))]
public sealed class GetGradioSessionApiCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    protected override void Process() =>
        ForEachItem(new[] { Session }, s => s, s => WriteObject(SessionStore.Resolve(s).Calls, enumerateCollection: true));
}
