using System;
using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Faults a test can inject to exercise client error handling.</summary>
[Flags]
public enum FakeFaults
{
    None = 0,
    MalformedInfoJson = 1,
    MalformedSse = 2,
    DropStreamMidway = 4,
    HangConfig = 8,
    NotGradio = 16,
    /// <summary>A queue stream ends after every process_completed, even with events of the session
    /// still pending (their messages wait for the next stream), so clients reopen it all the time.</summary>
    EndStreamAfterEachCompletion = 32,
    /// <summary>queue/data answers an event stream that ends at once, with no message.</summary>
    EmptyQueueStreams = 64,
}

/// <summary>How a <see cref="FakeGradioServer"/> behaves; mirrors the launch()/queue() knobs of a real app.</summary>
public sealed class FakeGradioOptions
{
    public GradioProfile Profile { get; set; } = GradioProfile.V5;

    /// <summary>0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>Mounts the whole app under a sub-path, e.g. "/app".</summary>
    public string MountPath { get; set; } = "";

    /// <summary>launch(auth=(user, password)).</summary>
    public (string User, string Password)? Auth { get; set; }

    /// <summary>queue(max_size=N): a full queue answers 503 (4.10+) or sends queue_full (3.x, 4.0–4.8).</summary>
    public int? MaxQueueSize { get; set; }

    /// <summary>launch(max_file_size=N): larger uploads answer 413 (4.29+).</summary>
    public long? MaxFileSize { get; set; }

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay between generator steps (the genuine apps sleep one second).</summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>launch(show_error=True): plain exception messages reach clients.</summary>
    public bool ShowError { get; set; }

    /// <summary>queue(api_open=...): false makes /run answer 404 for queued functions, as on Spaces.</summary>
    public bool ApiOpen { get; set; } = true;

    public FakeFaults Faults { get; set; }

    /// <summary>
    /// queue/join of these api names answers only after the delay, the event already queued, so its
    /// messages can reach the session's stream before the client knows its event id.
    /// </summary>
    public Dictionary<string, TimeSpan> JoinAnswerDelays { get; } = new();

    /// <summary>"full" (every test endpoint) or "simple" (only Op1, like apps/simple-app.py).</summary>
    public string App { get; set; } = "full";
}
