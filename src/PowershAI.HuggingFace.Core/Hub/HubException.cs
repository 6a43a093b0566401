using System;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// Every Hub failure: a kind, a readable message and what the Hub said about it. Built in
/// <see cref="HubFailure"/> (HTTP) or by the Space wait; never holds the token.
/// </summary>
public sealed class HubException : Exception
{
    public HubException(HubErrorKind kind, string message, Exception? inner = null) : base(ServerText.Shown(message), inner) => Kind = kind;

    public HubErrorKind Kind { get; }

    public int? StatusCode { get; internal set; }

    /// <summary>X-Error-Code (RepoNotFound, GatedRepo, …) when the Hub sent one.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The Hub's own words: X-Error-Message, else the body's "error"; a Space's errorMessage.</summary>
    public string? ServerMessage { get; internal set; }

    /// <summary>X-Request-Id (else X-Amzn-Trace-Id, X-Amz-Cf-Id), to quote when reporting a Hub problem.</summary>
    public string? RequestId { get; internal set; }

    /// <summary>The URL the failure is about (a signed link's signature masked).</summary>
    public string? Url
    {
        get => _url;
        internal set => _url = value == null ? null : ClientState.Current.Secrets.Redact(value);
    }

    string? _url;

    public HubRepoType? RepoType { get; internal set; }

    public string? RepoId { get; internal set; }

    /// <summary>The RateLimit, RateLimit-Policy and Retry-After of a 429.</summary>
    public RateLimitInfo? RateLimit { get; internal set; }

    /// <summary>X-Repo-Commit of the answer: for a file not found, the commit it is missing at.</summary>
    public string? Commit { get; internal set; }

    /// <summary>For <see cref="HubErrorKind.SpaceNotRunning"/> and a Space wait's timeout: the stage it was in.</summary>
    public string? SpaceStage { get; internal set; }
}
