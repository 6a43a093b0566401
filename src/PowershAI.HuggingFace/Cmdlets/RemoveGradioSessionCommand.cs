using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Remove-GradioSession: forgets sessions, by object, name or wildcard ("*" for all; a wildcard
/// that matches nothing removes nothing, a missing name is an error). With no argument it removes
/// nothing, as in PowershAI; an empty name is an error, not the default session ("." is). Their
/// generated functions stop working.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "GradioSession", SupportsShouldProcess = true)]
public sealed class RemoveGradioSessionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("Session")]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object? Name { get; set; }

    protected override void Process()
    {
        var value = Name is PSObject ps ? ps.BaseObject : Name;
        if (value == null) return;
        ForEachItem(new[] { value }, v => v, v =>
        {
            // Elsewhere an empty name means the default session; here an empty variable must not remove it.
            if (v is string blank && string.IsNullOrWhiteSpace(blank))
                throw new GradioException(GradioErrorKind.InvalidArguments, "The session name is empty: give a name, '.' for the default session, or '*' for all.");
            var targets = v is string s && WildcardPattern.ContainsWildcardCharacters(s)
                ? SessionStore.Match(s)
                : new[] { SessionStore.Resolve(Name) };
            foreach (var session in targets)
                if (ShouldProcess(session.Name, "Remove the Gradio session")) SessionStore.Remove(session);
        });
    }
}
