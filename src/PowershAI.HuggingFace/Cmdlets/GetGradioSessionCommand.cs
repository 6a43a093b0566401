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

    protected override void ProcessRecord()
    {
        var value = Session is PSObject ps ? ps.BaseObject : Session;
        try
        {
            if (ById)
            {
                var id = value is GradioSession gs ? gs.SessionId : Guid.Parse(value?.ToString() ?? "");
                WriteObject(SessionStore.ById(id) ?? throw new GradioException(GradioErrorKind.InvalidArguments, $"There is no Gradio session with id {id}.", target: id.ToString()));
            }
            else if (value is string text && (text == "*" || Like))
            {
                var pattern = new WildcardPattern(text, WildcardOptions.IgnoreCase);
                WriteObject(SessionStore.All.Where(s => pattern.IsMatch(s.Name) || (Like && pattern.IsMatch(s.AppUrl))), enumerateCollection: true);
            }
            else
            {
                WriteObject(SessionStore.Resolve(Session));
            }
        }
        catch (Exception ex) when (ex is GradioException or FormatException)
        {
            WriteError(ErrorMapping.SessionNotFound(ex, value));
        }
    }
}
