using System;
using System.Net;
using System.Security;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// A token and where it came from. The value stays in a SecureString and is revealed only to
/// build an Authorization header; <see cref="ToString"/> and every property name the source, never the value.
/// </summary>
public sealed class HubToken
{
    readonly SecureString? _secret;

    HubToken(SecureString? secret, TokenOrigin origin, string source)
    {
        _secret = secret;
        Origin = origin;
        Source = source;
    }

    /// <summary>No token was found: requests are anonymous.</summary>
    public static HubToken None { get; } = new(null, TokenOrigin.None, "no token (none set, none in the environment or the token file)");

    /// <summary>The caller chose to send no token.</summary>
    public static HubToken Anonymous { get; } = new(null, TokenOrigin.Anonymous, "no token (anonymous by request)");

    /// <summary>A copy of <paramref name="token"/> (the caller may dispose its own).</summary>
    public static HubToken FromSecureString(SecureString token, TokenOrigin origin, string source)
    {
        var copy = token.Copy();
        copy.MakeReadOnly();
        return new HubToken(copy, origin, source);
    }

    internal static HubToken FromText(string token, TokenOrigin origin, string source) =>
        FromSecureString(new NetworkCredential("", token).SecurePassword, origin, source);

    public TokenOrigin Origin { get; }

    /// <summary>In words: "the HF_TOKEN environment variable", "the token file /home/u/.cache/huggingface/token", …</summary>
    public string Source { get; }

    /// <summary>Whether a token will be sent (to the hosts that may receive it).</summary>
    public bool HasValue => _secret != null;

    /// <summary>The plain text, only at the moment a header is built.</summary>
    internal string? Reveal() => _secret == null ? null : new NetworkCredential("", _secret).Password.Trim();

    /// <summary>
    /// The plain text for a request to <paramref name="url"/>, or null when that URL may not receive
    /// it (<see cref="TokenScope.MayReceiveToken"/>): how the Gradio side gets the token for a Space
    /// host the Hub reported, and for nothing else.
    /// </summary>
    public string? RevealFor(Uri url) => TokenScope.MayReceiveToken(url) ? Reveal() : null;

    public override string ToString() => Source;
}
