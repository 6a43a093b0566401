using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The one place where Hub answers and transport failures become <see cref="HubException"/>s,
/// following huggingface_hub's hf_raise_for_status (docs/hub-api.md §3.2): X-Error-Code first, then
/// the status, the URL and whether a token was sent.
/// </summary>
public static class HubFailure
{
    public const string InvalidCredentials = "Invalid credentials in Authorization header";
    const string Disabled = "Access to this resource is disabled.";
    const int MaxDetail = 300;

    static readonly Regex ApiRepoUrl = new(@"/api/(models|datasets|spaces)/([^/]+/[^/]+)(/.*)?$", RegexOptions.CultureInvariant);
    static readonly Regex ResolveUrl = new(@"^/(?:(datasets|spaces)/)?([^/]+/[^/]+)/(?:resolve|raw)/", RegexOptions.CultureInvariant);

    /// <summary>
    /// Classifies a non-success answer. <paramref name="body"/> is its text, possibly empty;
    /// <paramref name="token"/> tells whether one was sent and where it came from (never its value).
    /// </summary>
    public static HubException FromResponse(HttpResponseMessage response, string body, string what, HubToken token, bool tokenSent)
    {
        var status = (int)response.StatusCode;
        var url = response.RequestMessage?.RequestUri;
        var code = Header(response, "X-Error-Code");
        var server = ServerMessage(Header(response, "X-Error-Message"), body);
        var requestId = Header(response, "X-Request-Id") ?? Header(response, "X-Amzn-Trace-Id") ?? Header(response, "X-Amz-Cf-Id");
        var (repoType, repoId, subPath, isResolve) = RepoOf(url);
        var isRepoUrl = repoId != null && (isResolve || subPath.Length == 0 || subPath.StartsWith("/revision/", StringComparison.Ordinal));

        var kind = code switch
        {
            "RevisionNotFound" => HubErrorKind.RevisionNotFound,
            "EntryNotFound" => HubErrorKind.EntryNotFound,
            "GatedRepo" => HubErrorKind.GatedRepo,
            "RepoNotFound" => HubErrorKind.RepoNotFound,
            _ when server == Disabled => HubErrorKind.DisabledRepo,
            _ => status switch
            {
                // An anonymous 401 on a repo URL is how the Hub hides private repos. With a token
                // sent, a 401 means the token itself was refused, not that the repo is missing.
                401 when server == InvalidCredentials || tokenSent => HubErrorKind.InvalidToken,
                401 when isRepoUrl => HubErrorKind.RepoNotFound,
                401 => HubErrorKind.AuthenticationRequired,
                403 => HubErrorKind.Forbidden,
                404 when isResolve => HubErrorKind.EntryNotFound,
                404 when isRepoUrl => HubErrorKind.RepoNotFound,
                404 => HubErrorKind.NotFound,
                400 or 422 => HubErrorKind.BadRequest,
                409 => HubErrorKind.Conflict,
                429 => HubErrorKind.RateLimited,
                >= 500 => HubErrorKind.ServerError,
                _ => HubErrorKind.HttpError,
            },
        };

        var rateLimit = RateLimitInfo.From(response);
        var repo = repoId == null ? "the repo" : $"{Noun(repoType)} {repoId}";
        var explanation = kind switch
        {
            HubErrorKind.InvalidToken => $"the token from {token.Source} was refused (wrong, expired or revoked). Check it, or send none for public content.",
            HubErrorKind.AuthenticationRequired => "this needs a Hugging Face token and none was sent.",
            HubErrorKind.RepoNotFound => tokenSent
                ? $"{repo} was not found, or it is private and this token cannot see it."
                : $"{repo} was not found, or it is private: no token was sent.",
            HubErrorKind.RevisionNotFound => $"that revision does not exist in {repo}.",
            HubErrorKind.EntryNotFound => $"that file does not exist in {repo} at this revision.",
            HubErrorKind.GatedRepo => tokenSent
                ? $"{repo} is gated and this account has not been granted access; request it on the repo's page."
                : $"{repo} is gated: its files need a token of an account that has been granted access.",
            HubErrorKind.DisabledRepo => $"{repo} has been disabled.",
            HubErrorKind.Forbidden => tokenSent
                ? "this token may not do that (a write token, or the owner's, may be needed)."
                : "this is not allowed without a token.",
            HubErrorKind.RateLimited => RateLimitText(rateLimit),
            HubErrorKind.ServerError => "the Hub had a server error; it may work again shortly.",
            HubErrorKind.NotFound => "not found.",
            HubErrorKind.BadRequest => "the Hub refused the request.",
            HubErrorKind.Conflict => "it already exists.",
            _ => "the Hub gave an unexpected answer.",
        };
        var message = $"{what} failed with HTTP {$"{status} {response.ReasonPhrase}".Trim()}: {explanation}";
        if (server != null && message.IndexOf(server, StringComparison.Ordinal) < 0) message += " The Hub said: " + server;
        if (requestId != null) message += $" (Request ID: {requestId})";
        return new HubException(kind, message)
        {
            StatusCode = status,
            ErrorCode = code,
            ServerMessage = server,
            RequestId = requestId,
            Url = url?.ToString(),
            RepoType = repoType,
            RepoId = repoId,
            RateLimit = rateLimit,
            Commit = Header(response, "X-Repo-Commit"),
        };
    }

    /// <summary>A transport failure in the Hub's kinds.</summary>
    public static HubException FromTransport(TransportFailure t) => new(t.Kind switch
    {
        TransportFailureKind.Timeout => HubErrorKind.Timeout,
        TransportFailureKind.TooLarge => HubErrorKind.ResponseTooLarge,
        _ => HubErrorKind.Unreachable,
    }, t.Message, t) { Url = t.Url?.ToString() };

    /// <summary>X-Error-Message, else the body's error text (error, error_description, errors[].message), else plain text; never HTML.</summary>
    static string? ServerMessage(string? header, string body)
    {
        if (!string.IsNullOrWhiteSpace(header)) return Cut(header!);
        var text = body.Trim();
        if (text.Length == 0 || text.StartsWith("<", StringComparison.Ordinal)) return null;
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                var json = JsonNode.Parse(text);
                var error = json?["error"] switch
                {
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    JsonArray a => string.Join("; ", a.Select(x => x?.ToString())),
                    _ => json?["errors"] is JsonArray errors ? string.Join("; ", errors.Select(e => e?["message"]?.ToString())) : json?["message"]?.ToString(),
                };
                if (json?["error_description"]?.ToString() is { Length: > 0 } description) error = error == null ? description : error + ": " + description;
                return string.IsNullOrWhiteSpace(error) ? null : Cut(error!);
            }
            catch (JsonException)
            {
                // Not JSON after all: use the text.
            }
        }
        return Cut(text);
    }

    static string RateLimitText(RateLimitInfo? limit)
    {
        if (limit == null) return "too many requests; wait a little before trying again.";
        var bucket = limit.Bucket != null ? $"your '{limit.Bucket}' rate limit" : "a rate limit";
        var window = limit.Quota is { } q && limit.Window is { } win ? $" ({limit.Remaining ?? 0}/{q} requests remaining in the current {win.TotalSeconds:0} s window)" : "";
        var wait = limit.SuggestedWait is { } w ? $" Retry after {Math.Ceiling(w.TotalSeconds):0} seconds." : "";
        return $"you have reached {bucket}{window}.{wait}";
    }

    static (HubRepoType? Type, string? Id, string SubPath, bool IsResolve) RepoOf(Uri? url)
    {
        if (url == null) return (null, null, "", false);
        var path = url.AbsolutePath;
        if (ApiRepoUrl.Match(path) is { Success: true } api)
            return (TypeOf(api.Groups[1].Value), Uri.UnescapeDataString(api.Groups[2].Value), api.Groups[3].Value, false);
        if (!path.StartsWith("/api/", StringComparison.Ordinal) && ResolveUrl.Match(path) is { Success: true } resolve)
            return (TypeOf(resolve.Groups[1].Value), Uri.UnescapeDataString(resolve.Groups[2].Value), "", true);
        return (null, null, "", false);
    }

    static HubRepoType TypeOf(string collection) => collection switch
    {
        "datasets" => HubRepoType.Dataset,
        "spaces" => HubRepoType.Space,
        _ => HubRepoType.Model,
    };

    static string Noun(HubRepoType? type) => type switch
    {
        HubRepoType.Dataset => "dataset",
        HubRepoType.Space => "Space",
        _ => "model",
    };

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    static string Cut(string text)
    {
        text = ClientState.Current.Secrets.Redact(text).Trim().Replace("\r", " ").Replace("\n", " ");
        return text.Length > MaxDetail ? text.Substring(0, MaxDetail) + "…" : text;
    }
}
