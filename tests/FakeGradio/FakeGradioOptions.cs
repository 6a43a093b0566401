using System;
using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Faults a test can inject to exercise client error handling: for the whole server
/// (<see cref="FakeGradioOptions.Faults"/>, --faults) or for the app seen under /fault/{name}/
/// (see FaultScope.cs). Each fault spoils one kind of route and leaves the rest of the app working.
/// </summary>
[Flags]
public enum FakeFaults
{
    None = 0,
    MalformedInfoJson = 1,
    MalformedSse = 2,
    DropStreamMidway = 4,
    HangConfig = 8,
    NotGradio = 16,
    /// <summary>File routes send the headers (a large Content-Length) and 10 bytes, then nothing until <see cref="FakeGradioOptions.StallLimit"/>.</summary>
    StalledDownload = 32,
    /// <summary>File routes send zeros without a Content-Length, up to <see cref="FakeGradioOptions.FaultSize"/> (10 GiB) or <see cref="FakeGradioOptions.EndlessLimit"/>.</summary>
    EndlessDownload = 64,
    /// <summary>queue/join and POST /call accept, then the streams send heartbeats only, until <see cref="FakeGradioOptions.EndlessLimit"/>.</summary>
    EndlessHeartbeats = 128,
    /// <summary>The result message on queue/data and /call streams carries one string of <see cref="FakeGradioOptions.FaultSize"/> bytes (50 MB).</summary>
    HugeSseMessage = 256,
    /// <summary>{prefix}/info answers gzip (always, whatever Accept-Encoding said) that inflates to <see cref="FakeGradioOptions.FaultSize"/> bytes (500 MB).</summary>
    GzipBombInfo = 512,
    /// <summary>File, upload, queue/join, queue/data and /call routes answer HTTP 500 whose text holds the request's Authorization and Cookie headers (/config and /info still work).</summary>
    EchoSecretsHttpError = 1024,
    /// <summary>Jobs end with a gr.Error-like failure (queue and /call streams) whose text holds the stream request's Authorization and Cookie headers.</summary>
    EchoSecretsAppError = 2048,
    /// <summary>queue/data and GET /call streams answer 200 text/html (a proxy's page) instead of events.</summary>
    HtmlQueueData = 4096,
    /// <summary>The first <see cref="FakeGradioOptions.FaultCount"/> requests to {prefix}/info, queue/join and POST /call each answer 429 with Retry-After: 1.</summary>
    RateLimited = 8192,
    /// <summary>A queue stream ends after every process_completed, even with events of the session
    /// still pending (their messages wait for the next stream), so clients reopen it all the time.</summary>
    EndStreamAfterEachCompletion = 16384,
    /// <summary>queue/data answers an event stream that ends at once, with no message.</summary>
    EmptyQueueStreams = 32768,
    /// <summary>queue/join and POST /call answer 503 with an HTML page, as a sleeping Space's host does (/config and /info still work).</summary>
    SpaceAsleep = 65536,
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

    /// <summary>Serve https with a self-signed certificate made at start (a TLS front that clients must be told to trust).</summary>
    public bool Https { get; set; }

    /// <summary>
    /// Requests sent to the server as a proxy (an absolute URL as the request target) must carry
    /// these Basic proxy credentials, else 407. The server answers them as the app itself.
    /// </summary>
    public (string User, string Password)? ProxyAuth { get; set; }

    /// <summary>queue(max_size=N): a full queue answers 503 (4.10+) or sends queue_full (3.x, 4.0–4.8).</summary>
    public int? MaxQueueSize { get; set; }

    /// <summary>launch(max_file_size=N): larger uploads answer 413 (4.29+).</summary>
    public long? MaxFileSize { get; set; }

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay between generator steps (the genuine apps sleep one second).</summary>
    public TimeSpan StepDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>launch(show_error=True): plain exception messages reach clients.</summary>
    public bool ShowError { get; set; }

    /// <summary>
    /// The api_prefix /config announces instead of the profile's, the routes staying where they
    /// are: a hostile app that points its clients at another host.
    /// </summary>
    public string? ApiPrefix { get; set; }

    /// <summary>queue(api_open=...): false makes /run answer 404 for queued functions, as on Spaces.</summary>
    public bool ApiOpen { get; set; } = true;

    public FakeFaults Faults { get; set; }

    /// <summary>The size a fault works with, when the /fault/{name}/{n}/ URL does not say: see each fault for its default.</summary>
    public long? FaultSize { get; set; }

    /// <summary>How many requests per route <see cref="FakeFaults.RateLimited"/> refuses, when the URL does not say.</summary>
    public int FaultCount { get; set; } = 2;

    /// <summary>How long a stalled download stays silent before the server drops the connection.</summary>
    public TimeSpan StallLimit { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long an endless download or heartbeat stream runs at most.</summary>
    public TimeSpan EndlessLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// queue/join of these api names answers only after the delay, the event already queued, so its
    /// messages can reach the session's stream before the client knows its event id.
    /// </summary>
    public Dictionary<string, TimeSpan> JoinAnswerDelays { get; } = new();

    /// <summary>"full" (every test endpoint), "simple" (only Op1, like apps/simple-app.py), "hostile", or "many[:N]" (N endpoints, 300 by default).</summary>
    public string App { get; set; } = "full";
}
