namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Where a job stands on the server, as its events said so far (gradio_client's Job.status()).</summary>
public enum GradioJobState
{
    /// <summary>Submitted; no event yet.</summary>
    Pending,
    /// <summary>Waiting in the app's queue.</summary>
    Queued,
    /// <summary>A worker runs it (started, progress, intermediate results).</summary>
    Running,
    Complete,
    /// <summary>The app's function failed (gr.Error or an exception).</summary>
    Error,
    Cancelled,
    /// <summary>The event stream failed before the job ended (dropped, timed out).</summary>
    Failed,
}
