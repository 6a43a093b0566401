using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    /// <summary>GET /api/spaces/{id}/runtime. On the Hub each poll may show a new stage.</summary>
    public async Task<SpaceRuntime> GetSpaceRuntimeAsync(string id, CancellationToken ct = default)
    {
        var url = Url(RepoPath.Api(HubRepoType.Space, id) + "/runtime");
        return SpaceRuntime.From(await ReadJsonAsync(HttpMethod.Get, url, null, $"Reading the runtime of Space {id}", ct).ConfigureAwait(false));
    }

    /// <summary>POST …/restart (owner, write token); <paramref name="factory"/> rebuilds without the cache.</summary>
    public async Task<SpaceRuntime> RestartSpaceAsync(string id, bool factory = false, CancellationToken ct = default)
    {
        var url = Url(RepoPath.Api(HubRepoType.Space, id) + "/restart", factory ? new HubQuery().Add("factory", true) : null);
        return SpaceRuntime.From(await ReadJsonAsync(HttpMethod.Post, url, null, $"Restarting Space {id}", ct).ConfigureAwait(false));
    }

    /// <summary>POST …/pause (owner, write token): PAUSED until the owner restarts it.</summary>
    public async Task<SpaceRuntime> PauseSpaceAsync(string id, CancellationToken ct = default)
    {
        var url = Url(RepoPath.Api(HubRepoType.Space, id) + "/pause");
        return SpaceRuntime.From(await ReadJsonAsync(HttpMethod.Post, url, null, $"Pausing Space {id}", ct).ConfigureAwait(false));
    }

    /// <summary>
    /// GET /api/spaces/{id}/host: where the app is served (https://{subdomain}.hf.space on the Hub).
    /// Read from the Hub, never computed, and remembered as a host that may receive the token.
    /// </summary>
    public async Task<Uri> GetSpaceHostAsync(string id, CancellationToken ct = default)
    {
        var url = Url(RepoPath.Api(HubRepoType.Space, id) + "/host");
        var what = $"Reading the host of Space {id}";
        var answer = await ReadJsonAsync(HttpMethod.Get, url, null, what, ct).ConfigureAwait(false);
        return NoteSpaceHost(answer?["host"], id)
            ?? throw new HubException(HubErrorKind.MalformedResponse, $"{what}: the answer has no host URL.") { Url = url.ToString(), RepoType = HubRepoType.Space, RepoId = id };
    }

    /// <summary>
    /// Asks a sleeping Space to start: a GET on its host, whose answer does not matter. Failures are
    /// ignored (the runtime tells what happened); only cancellation by the caller is thrown.
    /// Returns whether the host answered at all.
    /// </summary>
    public Task<bool> WakeSpaceAsync(string id, CancellationToken ct = default) => WakeSpaceAsync(id, Options.Timeout, ct);

    async Task<bool> WakeSpaceAsync(string id, TimeSpan bound, CancellationToken ct)
    {
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(bound);
            var host = await GetSpaceHostAsync(id, limit.Token).ConfigureAwait(false);
            var (response, _) = await SendFollowingRedirectsAsync(HttpMethod.Get, host, null, "text/html,*/*", $"Waking Space {id}", bound, limit.Token).ConfigureAwait(false);
            response.Dispose();
            return true;
        }
        catch (Exception ex) when (ex is HubException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>
    /// Start-HuggingFaceSpace without waiting: reads the runtime, wakes an asleep Space once and
    /// returns the runtime as it was read; fails as <see cref="WaitForSpaceAsync"/> does on a stage
    /// that waking does not fix (PAUSED, BUILD_ERROR, ...).
    /// </summary>
    public async Task<SpaceRuntime> StartSpaceAsync(string id, CancellationToken ct = default)
    {
        var runtime = await GetSpaceRuntimeAsync(id, ct).ConfigureAwait(false);
        if (SpaceStages.IsFailure(runtime.Stage)) throw NotRunning(id, runtime);
        if (SpaceStages.IsAsleep(runtime.Stage)) await WakeSpaceAsync(id, ct).ConfigureAwait(false);
        return runtime;
    }

    /// <summary>
    /// Polls the runtime until the Space is RUNNING and returns that runtime. Waits through
    /// BUILDING, APP_STARTING, RUNNING_BUILDING, RUNNING_APP_STARTING and unknown stages; wakes a
    /// SLEEPING or STOPPED Space once (unless <paramref name="wake"/> is false, then it fails);
    /// fails at once, naming the stage and the Space's errorMessage, on NO_APP_FILE, CONFIG_ERROR,
    /// BUILD_ERROR, RUNTIME_ERROR, PAUSED and DELETING; fails with <see cref="HubErrorKind.Timeout"/>
    /// after <paramref name="timeout"/>.
    /// </summary>
    public async Task<SpaceRuntime> WaitForSpaceAsync(string id, TimeSpan timeout, IProgress<SpaceStageUpdate>? progress = null, CancellationToken ct = default, bool wake = true)
    {
        var clock = Stopwatch.StartNew();
        var wakeSent = false;
        var last = false;
        for (var poll = 1; ; poll++)
        {
            var runtime = await GetSpaceRuntimeAsync(id, ct).ConfigureAwait(false);
            var stage = runtime.Stage;
            var asleep = SpaceStages.IsAsleep(stage);
            progress?.Report(new SpaceStageUpdate(id, runtime, poll, clock.Elapsed, timeout, asleep && wake));
            if (stage == SpaceStages.Running) return runtime;
            if (SpaceStages.IsFailure(stage) || (asleep && !wake)) throw NotRunning(id, runtime);

            var left = timeout - clock.Elapsed;
            if (last || left <= TimeSpan.Zero)
            {
                throw new HubException(HubErrorKind.Timeout, $"Space {id} was not running after {timeout.TotalSeconds:0.#} s: it is still {stage}.")
                {
                    SpaceStage = stage, RepoType = HubRepoType.Space, RepoId = id,
                };
            }
            // One wake per sleep: the Space takes a few polls to leave SLEEPING.
            if (asleep && !wakeSent)
            {
                await WakeSpaceAsync(id, left < Options.Timeout ? left : Options.Timeout, ct).ConfigureAwait(false);
                wakeSent = true;
            }
            else if (!asleep)
            {
                wakeSent = false;
            }

            left = timeout - clock.Elapsed;
            var pause = left < Options.SpacePollInterval ? left : Options.SpacePollInterval;
            // A pause that runs out the time makes the next poll the last: Task.Delay counts whole
            // milliseconds and may end a fraction early, which left time for one poll more.
            last = pause == left;
            if (pause > TimeSpan.Zero) await Task.Delay(pause, ct).ConfigureAwait(false);
        }
    }

    static HubException NotRunning(string id, SpaceRuntime runtime)
    {
        var message = $"Space {id} is {runtime.Stage}: {SpaceStages.Explain(runtime.Stage)}";
        message += runtime.ErrorMessage is { Length: > 0 } error ? ": " + error : ".";
        return new HubException(HubErrorKind.SpaceNotRunning, message)
        {
            SpaceStage = runtime.Stage, ServerMessage = runtime.ErrorMessage, RepoType = HubRepoType.Space, RepoId = id,
        };
    }
}
