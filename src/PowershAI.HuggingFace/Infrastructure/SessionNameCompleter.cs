using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Tab completion of session names.</summary>
public sealed class SessionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return SessionStore.All.Where(s => pattern.IsMatch(s.Name))
            .Select(s => new CompletionResult(PowerShellText.Quote(s.Name), s.Name, CompletionResultType.ParameterValue, $"{s.Name} ({s.AppUrl})"));
    }
}
