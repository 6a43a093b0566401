using System;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// Bounds on one download (<see cref="GradioFiles.DownloadAsync"/>): its size, the longest silence
/// while its body arrives, and an optional deadline. A server that stops sending, or never stops,
/// then ends the download with a classified failure instead of holding it forever.
/// </summary>
public sealed class DownloadLimits
{
    /// <summary>10 GiB: far above what Gradio apps return, and still a bound on a server that never stops.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>The largest body accepted; a larger announced or received one fails as ResponseTooLarge.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The longest silence tolerated while the body arrives; null means the client's Timeout.
    /// Downloads have no heartbeats, so unlike event streams no minimum applies.
    /// </summary>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>When the whole download (answer and body) must be done; null means none.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Limits whose deadline is <paramref name="maxDurationSec"/> from now (0 or less: none).</summary>
    public static DownloadLimits Within(int maxDurationSec, long maxBytes = DefaultMaxBytes) => new()
    {
        MaxBytes = maxBytes,
        Deadline = maxDurationSec > 0 ? DateTimeOffset.UtcNow.AddSeconds(maxDurationSec) : null,
    };
}
