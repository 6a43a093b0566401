using System;
using System.Linq;
using System.Management.Automation;
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

    protected override object? ErrorTarget => Session;

    protected override void Process()
    {
        string? sessionId = null;
        if (!"*".Equals(Session is PSObject ps ? ps.BaseObject : Session))
            sessionId = SessionStore.Resolve(Session).SessionId.ToString();
        foreach (var (function, marker) in GeneratedFunctions.All(this))
            if (sessionId == null || string.Equals(marker.SessionId, sessionId, StringComparison.OrdinalIgnoreCase))
                WriteObject(function);
    }
}
