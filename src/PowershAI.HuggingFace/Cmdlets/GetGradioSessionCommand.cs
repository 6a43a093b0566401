using System;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Get-GradioSession: "*" (default) lists all sessions, "." is the default one; a name, a wildcard with -Like, or an id with -ById.</summary>
[Cmdlet(VerbsCommon.Get, "GradioSession")]
[OutputType(typeof(GradioSession))]
public sealed class GetGradioSessionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = "*";

    /// <summary>Match names (and app URLs) with wildcards.</summary>
    [Parameter]
    public SwitchParameter Like { get; set; }

    /// <summary>Take the value as a session id.</summary>
    [Parameter]
    public SwitchParameter ById { get; set; }

    protected override void Process()
    {
        var value = Session is PSObject ps ? ps.BaseObject : Session;
        ForEachItem(new[] { value }, v => v, v =>
        {
            if (ById)
            {
                var id = v is GradioSession gs ? gs.SessionId
                    : Guid.TryParse(v?.ToString(), out var parsed) ? parsed
                    : throw new GradioException(GradioErrorKind.InvalidArguments, $"'{v}' is not a session id (a GUID).", target: v?.ToString());
                WriteObject(SessionStore.ById(id) ?? throw new GradioException(GradioErrorKind.SessionNotFound, $"There is no Gradio session with id {id}.", target: id.ToString()));
            }
            else if (v is string text && (text == "*" || Like))
            {
                var pattern = new WildcardPattern(text, WildcardOptions.IgnoreCase);
                WriteObject(SessionStore.All.Where(s => pattern.IsMatch(s.Name) || (Like && pattern.IsMatch(s.AppUrl))), enumerateCollection: true);
            }
            else
            {
                WriteObject(SessionStore.Resolve(Session));
            }
        });
    }
}
