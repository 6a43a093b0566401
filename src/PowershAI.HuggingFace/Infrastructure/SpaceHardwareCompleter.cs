using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Tab completion of the hardware flavors the Hub is known to offer (the value stays open: a newer flavor may be typed).</summary>
public sealed class SpaceHardwareCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return HubClient.SpaceHardwareFlavors.Where(f => pattern.IsMatch(f))
            .Select(f => new CompletionResult(f, f, CompletionResultType.ParameterValue, f));
    }
}
