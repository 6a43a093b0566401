using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Remove-GradioSession: forgets sessions, by object, name or "*" for all. Their generated functions stop working.</summary>
[Cmdlet(VerbsCommon.Remove, "GradioSession", SupportsShouldProcess = true)]
public sealed class RemoveGradioSessionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Session")]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Name { get; set; } = null!;

    protected override void Process()
    {
        var value = Name is PSObject ps ? ps.BaseObject : Name;
        ForEachItem(new[] { value }, v => v, v =>
        {
            var targets = v is string s && WildcardPattern.ContainsWildcardCharacters(s)
                ? SessionStore.All.Where(x => new WildcardPattern(s, WildcardOptions.IgnoreCase).IsMatch(x.Name)).ToList()
                : new[] { SessionStore.Resolve(Name) }.ToList();
            foreach (var session in targets)
                if (ShouldProcess(session.Name, "Remove the Gradio session")) SessionStore.Remove(session);
        });
    }
}
