using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Get-GradioSession: "*" (default) lists all sessions, "." is the default one; a name (an error
/// when no session has it), a wildcard (nothing when none matches), -Like to match app URLs too,
/// or an id with -ById.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GradioSession")]
[OutputType(typeof(GradioSession))]
public sealed class GetGradioSessionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = "*";

    /// <summary>Match the app URLs too, and treat the value as a wildcard even without wildcard characters.</summary>
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
            else if (v is string text && (Like || WildcardPattern.ContainsWildcardCharacters(text)))
            {
                WriteObject(SessionStore.Match(text, urls: Like), enumerateCollection: true);
            }
            else
            {
                WriteObject(SessionStore.Resolve(Session));
            }
        });
    }
}
