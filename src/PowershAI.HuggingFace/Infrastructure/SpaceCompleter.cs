using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Tab completion of Space ids: the ones used in this process, then the user's own (read once, when a token is set).</summary>
public sealed class SpaceCompleter : IArgumentCompleter
{

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        return HubObjects.RecentSpaces.Concat(Mine()).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || id.IndexOf("/" + typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(id => new CompletionResult(PowerShellText.Quote(id), id, CompletionResultType.ParameterValue, id));
    }

    static IReadOnlyList<string> Mine()
    {
        if (ModuleState.Current.MySpaces is { } mine) return mine;
        var hub = new HubClient(new HubClientOptions { Timeout = TimeSpan.FromSeconds(3), MaxAttempts = 1 });
        if (!hub.Token.HasValue) return Array.Empty<string>();
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var name = hub.WhoamiAsync(cts.Token).GetAwaiter().GetResult()?["name"]?.ToString();
            var ids = new List<string>();
            var e = hub.ListReposAsync(HubRepoType.Space, new HubQuery().Add("author", name).Add("limit", 100), cts.Token).GetAsyncEnumerator(cts.Token);
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult() && ids.Count < 100) ids.Add(e.Current["id"]?.ToString() ?? "");
            return ModuleState.Current.MySpaces = ids.Where(i => i.Length > 0).ToArray();
        }
        catch (Exception ex) when (ex is HubException or OperationCanceledException)
        {
            return Array.Empty<string>();
        }
    }
}
