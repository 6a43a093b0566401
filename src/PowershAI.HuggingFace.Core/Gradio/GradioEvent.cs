using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>What a job reports, whatever the protocol underneath.</summary>
public enum GradioEventKind
{
    /// <summary>Queued: position, queue size, expected wait.</summary>
    Estimation,
    /// <summary>A worker picked the job up.</summary>
    Started,
    /// <summary>gr.Progress update.</summary>
    Progress,
    /// <summary>gr.Info / gr.Warning message.</summary>
    Log,
    /// <summary>An intermediate result of a generator (full values, diffs already applied).</summary>
    Generating,
    /// <summary>The final result (or the end of a cancelled job, see <see cref="GradioEvent.Cancelled"/>).</summary>
    Complete,
    /// <summary>The function failed; <see cref="GradioEvent.Message"/> holds gr.Error's text when the app sent one.</summary>
    Error,
    /// <summary>Keep-alive from the server.</summary>
    Heartbeat,
}

/// <summary>One step of a job.</summary>
public sealed class GradioEvent
{
    public GradioEvent(GradioEventKind kind) => Kind = kind;

    public GradioEventKind Kind { get; }

    /// <summary>Outputs (one per visible output) for Generating and Complete.</summary>
    public JsonArray? Data { get; set; }

    /// <summary>Error text, log text, or null.</summary>
    public string? Message { get; set; }

    public string? Title { get; set; }

    /// <summary>Log level as Gradio names it: info, warning, success.</summary>
    public string? Level { get; set; }

    public int? Rank { get; set; }

    public int? QueueSize { get; set; }

    /// <summary>Expected seconds until the job starts (Estimation) or runs (Started).</summary>
    public double? Eta { get; set; }

    public IReadOnlyList<ProgressUnit>? Progress { get; set; }

    /// <summary>True on the Complete event of a job the server cancelled.</summary>
    public bool Cancelled { get; set; }

    /// <summary>True when the server reported the error as its own failure (stopped, unknown session) rather than the app's.</summary>
    public bool ServerFailure { get; set; }

    public bool IsTerminal => Kind is GradioEventKind.Complete or GradioEventKind.Error;
}

/// <summary>One bar of gr.Progress.</summary>
public sealed class ProgressUnit
{
    public int? Index { get; set; }
    public int? Length { get; set; }
    public string? Unit { get; set; }
    public double? Progress { get; set; }
    public string? Description { get; set; }
}
