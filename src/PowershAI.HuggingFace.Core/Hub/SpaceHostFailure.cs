using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// A Space's host answers 503 while the Space sleeps, starts or has crashed, which alone reads as
/// a broken app. When the failing URL is under a Space host the Hub reported, the Hub is asked
/// for the Space's stage, and a stage other than RUNNING turns the failure into
/// <see cref="GradioErrorKind.SpaceNotRunning"/>, naming the stage and what brings the Space up.
/// </summary>
public static class SpaceHostFailure
{
    static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(10);

    internal static void Remember(Uri host, string id) => ClientState.Current.Hub.SpaceIds[host.AbsoluteUri.TrimEnd('/')] = id;

    /// <summary>The Space whose reported host serves <paramref name="url"/>, or null.</summary>
    public static string? SpaceAt(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        return ClientState.Current.Hub.SpaceIds
            .Where(h => url!.StartsWith(h.Key + "/", StringComparison.OrdinalIgnoreCase) || url!.Equals(h.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(h => h.Key.Length)
            .Select(h => h.Value)
            .FirstOrDefault();
    }

    /// <summary>
    /// <paramref name="ex"/> as a <see cref="GradioErrorKind.SpaceNotRunning"/> failure when it is a 503
    /// from a Space host and the Hub says that Space is not running; otherwise <paramref name="ex"/>
    /// itself (also when the Hub cannot be asked: the original failure is the one to report).
    /// </summary>
    public static async Task<Exception> ExplainAsync(Exception ex, HubClientOptions options, CancellationToken ct)
    {
        if (ex is not GradioException { StatusCode: HttpStatusCode.ServiceUnavailable, Kind: not GradioErrorKind.QueueFull } failure || SpaceAt(failure.Target) is not { } id)
            return ex;
        SpaceRuntime runtime;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(LookupTimeout);
            runtime = await new HubClient(options).GetSpaceRuntimeAsync(id, limit.Token).ConfigureAwait(false);
        }
        catch (Exception lookup) when (lookup is HubException || (lookup is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return ex;
        }
        if (runtime.Stage == SpaceStages.Running) return ex;
        var why = SpaceStages.IsAsleep(runtime.Stage) || SpaceStages.IsFailure(runtime.Stage)
            ? $"{SpaceStages.Explain(runtime.Stage)}; {SpaceStages.NextStep(runtime.Stage, id)}"
            : $"it is starting; Start-HuggingFaceSpace {id} -Wait waits until it runs";
        var message = $"The app of Space {id} answered HTTP 503 because the Space is {runtime.Stage}: {why}.";
        return new GradioException(GradioErrorKind.SpaceNotRunning, message, ex, failure.StatusCode, failure.Target);
    }
}
