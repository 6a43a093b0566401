using System;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>One poll of a Space wait, for a progress bar.</summary>
public sealed class SpaceStageUpdate
{
    public SpaceStageUpdate(string spaceId, SpaceRuntime runtime, int poll, TimeSpan elapsed, TimeSpan timeout, bool waking)
    {
        SpaceId = spaceId;
        Runtime = runtime;
        Poll = poll;
        Elapsed = elapsed;
        Timeout = timeout;
        Waking = waking;
    }

    public string SpaceId { get; }

    public SpaceRuntime Runtime { get; }

    public string Stage => Runtime.Stage;

    /// <summary>1 for the first poll.</summary>
    public int Poll { get; }

    public TimeSpan Elapsed { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The Space was asleep and a wake request is being (or has been) sent.</summary>
    public bool Waking { get; }
}
