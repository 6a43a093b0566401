using System;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Get-GradioSessionApiProxyFunction: the generated functions of a session ("*": of all sessions).</summary>
[Cmdlet(VerbsCommon.Get, "GradioSessionApiProxyFunction")]
[OutputType(typeof(FunctionInfo))]
public sealed class GetGradioSessionApiProxyFunctionCommand : AsyncCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    protected override void ProcessRecord()
    {
        string? sessionId = null;
        if (!"*".Equals(Session is PSObject ps ? ps.BaseObject : Session))
        {
            try
            {
                sessionId = SessionStore.Resolve(Session).SessionId.ToString();
            }
            catch (GradioException ex)
            {
                WriteError(new ErrorRecord(ex, "GradioSessionNotFound", ErrorCategory.ObjectNotFound, Session));
                return;
            }
        }
        foreach (var (function, marker) in GeneratedFunctions.All(this))
            if (sessionId == null || string.Equals(marker.SessionId, sessionId, StringComparison.OrdinalIgnoreCase))
                WriteObject(function);
    }
}
