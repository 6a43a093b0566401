using System;
using System.Net;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Per-call settings: how long to wait, and the credentials the caller passed explicitly.</summary>
public sealed class GradioClientOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Bound on connecting and on each request up to its answer; also the longest silence tolerated on an event stream.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// The longest silence tolerated on an event stream. Gradio sends a heartbeat every 15 s, so
    /// by default this is the timeout but never less than three heartbeat periods.
    /// </summary>
    public TimeSpan StreamIdleTimeout
    {
        get => _streamIdle ?? (Timeout > MinStreamIdle ? Timeout : MinStreamIdle);
        set => _streamIdle = value;
    }

    static readonly TimeSpan MinStreamIdle = TimeSpan.FromSeconds(45);
    TimeSpan? _streamIdle;

    /// <summary>A bearer token sent as Authorization to this app only (never logged).</summary>
    public string? BearerToken { get; set; }

    /// <summary>User name and password for apps launched with auth=.</summary>
    public NetworkCredential? Credential { get; set; }

    /// <summary>Where this caller's HTTP exchanges are reported (the cmdlet's -Verbose and -Debug).</summary>
    public IHttpLog? Log { get; set; }

    /// <summary>How the app is reached (certificate check, proxy, headers); part of the pooled connection's identity.</summary>
    public ConnectionSettings Settings { get; set; } = ConnectionSettings.Default;

    /// <summary>null = a 429 is waited out up to 3 tries; -MaximumRetryCount gives one that retries 5xx too.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>The same settings reported to <paramref name="log"/> instead.</summary>
    public GradioClientOptions WithLog(IHttpLog? log) => new()
    {
        Timeout = Timeout,
        _streamIdle = _streamIdle,
        BearerToken = BearerToken,
        Credential = Credential,
        Log = log,
        Settings = Settings,
        Retry = Retry,
    };
}
