using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Get-GradioSessionApiProxyFunction: the generated functions of a session, or of the sessions a wildcard matches ("*": all of them).</summary>
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
        // A wildcard means what it means for Get-GradioSession: every session whose name matches.
        var value = Session is PSObject ps ? ps.BaseObject : Session;
        var sessions = value is string pattern && WildcardPattern.ContainsWildcardCharacters(pattern) ? SessionStore.Match(pattern) : new[] { SessionStore.Resolve(Session) };
        var ids = new HashSet<string>(sessions.Select(s => s.SessionId.ToString()), StringComparer.OrdinalIgnoreCase);
        foreach (var (function, marker) in GeneratedFunctions.All(this))
            if ("*".Equals(value) || ids.Contains(marker.SessionId))
                WriteObject(function);
    }
}
