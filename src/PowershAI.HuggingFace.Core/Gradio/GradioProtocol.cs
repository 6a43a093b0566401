namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>How a job travels. Auto picks the queue where the server has one, because /call drops gr.Error text, progress and logs.</summary>
public enum GradioProtocol
{
    Auto,
    /// <summary>The app's queue: sse_v1–v3 (4.9+), "sse" (4.0–4.8) or the 3.x WebSocket.</summary>
    Queue,
    /// <summary>POST /call then the SSE stream (4.20+).</summary>
    Call,
    /// <summary>The synchronous /run route (no streaming: a generator gives its first value).</summary>
    Run,
}
