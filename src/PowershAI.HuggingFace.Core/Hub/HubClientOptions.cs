using System;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>Per-call settings of a <see cref="HubClient"/>; the defaults suit an interactive shell.</summary>
public sealed class HubClientOptions
{
    /// <summary>Where this caller's HTTP exchanges are reported (the cmdlet's -Verbose and -Debug).</summary>
    public Http.IHttpLog? Log { get; set; }

    /// <summary>How the Hub is reached (certificate check, proxy, headers).</summary>
    public Http.ConnectionSettings Settings { get; set; } = Http.ConnectionSettings.Default;

    /// <summary>null = <see cref="HubEndpoint.Current"/>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The OpenAI-compatible inference base (…/v1); null = <see cref="HubEndpoint.Router"/>.</summary>
    public Uri? Router { get; set; }

    /// <summary>null = <see cref="TokenSource.Resolve"/> (the session token, the environment, the token file).</summary>
    public HubToken? Token { get; set; }

    /// <summary>Bound on each request up to its answer (a JSON answer: its whole body).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on a chat completion's answer, and on the silence between streamed chunks; models can be slow to start.</summary>
    public TimeSpan InferenceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries of a GET or HEAD that meets 408, 429, 5xx or a network error (POSTs are sent once).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff; it doubles per try up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest wait a server may ask for (Retry-After, RateLimit t=) before a retry. When it asks
    /// for more, the call fails at once as rate limited instead of sleeping that long.
    /// </summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Hops followed before giving up (renamed repos answer 307; LFS files 302 to the CDN).</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Pause between runtime polls while waiting for a Space.</summary>
    public TimeSpan SpacePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
