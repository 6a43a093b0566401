using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Tab completion of the calls of the session -Session names (the default one when not given),
/// newest first, for Update-GradioSessionApiResult -Id; Remove-GradioSessionApi -Target also
/// offers its "clean" and "all".
/// </summary>
public sealed class CallIdCompleter : IArgumentCompleter
{
    static readonly string[] Keywords = { "clean", "all" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        var results = new List<CompletionResult>();
        if (parameterName == "Target")
            results.AddRange(Keywords.Where(pattern.IsMatch).Select(k => new CompletionResult(k, k, CompletionResultType.ParameterValue, k == "all" ? "every call of the session" : "the calls that have ended")));
        GradioSession session;
        try
        {
            session = SessionStore.Resolve(fakeBoundParameters.Contains("Session") ? fakeBoundParameters["Session"] : ".");
        }
        catch (GradioException)
        {
            return results;   // no such session (or no default): nothing to offer
        }
        results.AddRange(session.Calls.Reverse().Where(c => c.Id.Length > 0 && pattern.IsMatch(c.Id))
            .Select(c => new CompletionResult(PowerShellText.Quote(c.Id), c.Id, CompletionResultType.ParameterValue, $"{c.ApiName} {c.Status ?? "submitted"}")));
        return results;
    }
}
