using System.Collections.Generic;
using System.Security;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// Finds the token for a call, first match wins: the call's own token, the session token
/// (Set-HuggingFaceToken), HF_TOKEN, HUGGING_FACE_HUB_TOKEN, HF_API_TOKEN (PowershAI's), then the
/// token file. Blank values count as absent; values are trimmed.
/// </summary>
public static class TokenSource
{
    public static IReadOnlyList<string> EnvironmentVariables { get; } = new[] { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_API_TOKEN" };

    /// <summary>Holds <paramref name="token"/> (a copy) for the rest of the process; null forgets it.</summary>
    public static void SetSessionToken(SecureString? token)
    {
        SecureString? copy = null;
        if (token is { Length: > 0 })
        {
            copy = token.Copy();
            copy.MakeReadOnly();
        }
        ClientState.Current.Hub.SessionToken = copy;
    }

    public static bool HasSessionToken => ClientState.Current.Hub.SessionToken != null;

    /// <summary>The token a call uses. <paramref name="anonymous"/> sends none whatever is configured.</summary>
    public static HubToken Resolve(SecureString? explicitToken = null, bool anonymous = false)
    {
        if (anonymous) return HubToken.Anonymous;
        if (explicitToken is { Length: > 0 }) return HubToken.FromSecureString(explicitToken, TokenOrigin.Parameter, "the -Token parameter");
        var hub = ClientState.Current.Hub;
        lock (hub.TokenGate)
        {
            if (hub.SessionToken is { } session) return HubToken.FromSecureString(session, TokenOrigin.Session, "the session token (Set-HuggingFaceToken)");
        }
        if (HubEndpoint.ImplicitTokenDisabled) return HubToken.None;
        foreach (var name in EnvironmentVariables)
        {
            if (EnvironmentVariable.Value(name) is { } value) return HubToken.FromText(value, TokenOrigin.EnvironmentVariable, $"the {name} environment variable");
        }
        var path = TokenFile.Path;
        if (TokenFile.Read(path) is { } fromFile) return HubToken.FromText(fromFile, TokenOrigin.TokenFile, $"the token file {path}");
        return HubToken.None;
    }
}
