using System.Collections;
using System.Collections.Generic;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// The handle Send-GradioApi returns (PowershAI's GradioApiEvent): Update-GradioApiResult reads
/// its events, and can stop and resume. It never holds a token.
/// </summary>
public sealed class GradioApiEvent
{
    internal GradioApiEvent(GradioJob job, string appUrl)
    {
        Job = job;
        AppUrl = appUrl;
        Req = new Hashtable { ["method"] = "POST", ["url"] = appUrl, ["api"] = job.Endpoint.ApiName };
        PowershaiTypeName.Tag(this, nameof(GradioApiEvent));
        // Events are received from now on, so State is current without a reader.
        job.Receive();
    }

    internal GradioJob Job { get; }

    public string? EventId => Job.EventId;

    public string ApiName => Job.Endpoint.ApiName;

    public string AppUrl { get; }

    public string SessionHash => Job.SessionHash;

    /// <summary>The transport: queue, call, websocket or run.</summary>
    public string Protocol => Job.Protocol;

    /// <summary>
    /// Where the call stands on the server (Pending, Queued, Running, Complete, Error, Cancelled,
    /// Failed), from the events received so far, whether or not anything has read them.
    /// </summary>
    public GradioJobState State => Job.State;

    /// <summary>null, then the last event's name read; at the end complete, error or cancelled.</summary>
    public string? Status { get; internal set; }

    /// <summary>running, complete, error, cancelled or HeartBeatExpired.</summary>
    public string LastQueryStatus { get; internal set; } = "running";

    public int LastEventNum { get; internal set; }

    /// <summary>The error text when the job failed.</summary>
    public object? Error { get; internal set; }

    /// <summary>With -History: every event's data (non-null).</summary>
    public List<object?> Data { get; } = new();

    /// <summary>With -History: every event.</summary>
    public List<GradioApiEventResult> Events { get; } = new();

    /// <summary>What was sent (method, url, endpoint); kept for PowershAI scripts that read it.</summary>
    public Hashtable Req { get; }

    /// <summary>Marks the call cancelled (Stop-GradioApi).</summary>
    internal void Cancelled()
    {
        Status = "cancelled";
        LastQueryStatus = "cancelled";
    }

    public override string ToString() => $"{ApiName} {EventId} ({Status ?? "submitted"})";
}
