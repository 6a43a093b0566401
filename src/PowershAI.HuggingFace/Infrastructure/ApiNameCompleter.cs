using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Tab completion of endpoint names, from the -Session (or default session) or the -AppUrl being typed.</summary>
public sealed class ApiNameCompleter : IArgumentCompleter
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var app = AppFor(fakeBoundParameters);
        if (app == null) return Enumerable.Empty<CompletionResult>();
        var typed = wordToComplete.Trim('\'', '"').TrimStart('/');
        return app.Endpoints.Where(e => !e.Hidden && e.RouteName.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(e => new CompletionResult(PowerShellText.Quote(e.RouteName), e.RouteName, CompletionResultType.ParameterValue, $"{e.ApiName}({e.Signature})"));
    }

    static AppInfo? AppFor(IDictionary bound)
    {
        try
        {
            if (bound["AppUrl"] is { } url)
            {
                // The description is cached per app, so only the first completion waits for the network.
                using var cts = new CancellationTokenSource(Bound);
                return GradioClient.For(url.ToString()!, new GradioClientOptions { Timeout = Bound }).GetAppInfoAsync(cts.Token).GetAwaiter().GetResult();
            }
            return SessionStore.Resolve(bound["Session"]).App;
        }
        catch (Exception ex) when (ex is Core.GradioException or OperationCanceledException)
        {
            return null;
        }
    }
}
