using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Remove-GradioSessionApi: forgets calls of a session. Target is a call, an id, "clean" (the
/// completed calls) or "all"; a running call is only removed with -Force. Returns what it removed
/// (with -Elegible: what it would remove, removing nothing).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "GradioSessionApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SessionApiEvent))]
public sealed class RemoveGradioSessionApiCommand : AsyncCmdlet
{
    readonly List<SessionApiEvent> _candidates = new();

    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(CallIdCompleter))]
    public object Target { get; set; } = null!;

    /// <summary>Also remove calls that have not completed.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Only list the calls that would be removed (-Eligible: the same, spelled right; PowershAI's name is kept).</summary>
    [Parameter]
    [Alias("Eligible")]
    public SwitchParameter Elegible { get; set; }

    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    protected override void Process()
    {
        var value = Target is PSObject ps ? ps.BaseObject : Target;
        ForEachItem(new[] { value }, v => v, value =>
        {
            var session = value is SessionApiEvent c ? c.Session : SessionStore.Resolve(Session);
            IEnumerable<SessionApiEvent> matches = value switch
            {
                SessionApiEvent call => new[] { call },
                string s when s.Equals("all", System.StringComparison.OrdinalIgnoreCase) || s.Equals("clean", System.StringComparison.OrdinalIgnoreCase) => session.Calls,
                _ => session.Calls.Where(x => x.Id == value.ToString()),
            };
            _candidates.AddRange(matches.Where(x => Force || x.ApiEvent.Status == "complete"));
        });
    }

    protected override void End()
    {
        var removed = new List<SessionApiEvent>();
        foreach (var group in _candidates.Distinct().GroupBy(c => c.Session))
        {
            var calls = group.ToList();
            if (Elegible)
            {
                removed.AddRange(calls);
                continue;
            }
            if (!ShouldProcess(group.Key.Name, $"Remove {calls.Count} call(s) from the session")) continue;
            group.Key.RemoveCalls(calls);
            removed.AddRange(calls);
        }
        WriteObject(removed, enumerateCollection: true);
    }
}
