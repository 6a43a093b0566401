namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>What went wrong talking to the Hub, in words the cmdlet layer maps to error ids and categories.</summary>
public enum HubErrorKind
{
    /// <summary>401: the token sent was refused (wrong, expired or revoked).</summary>
    InvalidToken,
    /// <summary>401: a token is needed and none was sent.</summary>
    AuthenticationRequired,
    /// <summary>403: the token may not do this (read-only token, not the owner).</summary>
    Forbidden,
    /// <summary>401/403 with X-Error-Code GatedRepo: the repo's files need approved access.</summary>
    GatedRepo,
    /// <summary>403: the repo was disabled.</summary>
    DisabledRepo,
    /// <summary>The repo does not exist or is private to others (also an anonymous 401 on a repo URL).</summary>
    RepoNotFound,
    /// <summary>The branch, tag or commit does not exist in the repo.</summary>
    RevisionNotFound,
    /// <summary>The file does not exist at that revision.</summary>
    EntryNotFound,
    /// <summary>404 on anything else.</summary>
    NotFound,
    /// <summary>400: bad parameters (an unknown expand value, a bad body).</summary>
    BadRequest,
    /// <summary>409: it already exists.</summary>
    Conflict,
    /// <summary>429: a rate limit ran out; see <see cref="HubException.RateLimit"/> for when it resets.</summary>
    RateLimited,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>Any other status.</summary>
    HttpError,
    /// <summary>No connection (DNS, refused, TLS, reset).</summary>
    Unreachable,
    /// <summary>No answer in time, or a Space not ready in time.</summary>
    Timeout,
    /// <summary>The answer could not be read (not JSON, broken event stream).</summary>
    MalformedResponse,
    /// <summary>A Space is in a stage it will not leave by waiting (error, paused, asleep without waking).</summary>
    SpaceNotRunning,
    /// <summary>An argument the client checks before sending (a malformed repo id, an endpoint that is not a URL).</summary>
    InvalidArgument,
    /// <summary>An answer larger than the limit set for it.</summary>
    ResponseTooLarge,
    /// <summary>The token file could not be read or written.</summary>
    TokenFile,
    /// <summary>HF_HUB_OFFLINE is set, and the answer needs the network.</summary>
    Offline,
    /// <summary>A downloaded file's size or sha256 is not what the Hub announced; nothing was put in the cache.</summary>
    IntegrityCheckFailed,
}
