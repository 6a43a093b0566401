using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// The secrets the module has sent (bearer tokens, cookie values, passwords, signed URLs' parameters), so that text a
/// server sends back is shown with them masked: an error page that echoes the Authorization
/// header must not put the token on the console, in $Error or in a transcript. Bounded: the
/// most recent <see cref="Capacity"/> secrets are kept.
/// </summary>
public sealed class SecretRegistry
{
    public const string Mask = "***";
    const int Capacity = 64;
    // Shorter values are too likely to occur in ordinary text to be masked there.
    const int MinLength = 6;

    readonly object _lock = new();
    readonly LinkedList<string> _secrets = new();

    public void Add(string? secret)
    {
        if (secret == null || secret.Trim().Length < MinLength) return;
        secret = secret.Trim();
        lock (_lock)
        {
            _secrets.Remove(secret);
            _secrets.AddFirst(secret);
            if (_secrets.Count > Capacity) _secrets.RemoveLast();
        }
    }

    /// <summary>Records the secrets a request carries: its Authorization and Cookie values and its URL's (<see cref="AddFrom(Uri)"/>).</summary>
    public void AddFrom(HttpRequestMessage request)
    {
        if (request.Headers.Authorization?.Parameter is { } credential) Add(credential);
        if (request.Headers.TryGetValues("Cookie", out var cookies))
            foreach (var pair in cookies.SelectMany(c => c.Split(';')))
                Add(pair.Substring(pair.IndexOf('=') + 1));
        if (request.RequestUri is { IsAbsoluteUri: true } url) AddFrom(url);
    }

    /// <summary>
    /// Records a URL's secrets: the password of its user info, and the values of query parameters
    /// named like credentials (a token, a signature, a key: presigned download links, signed
    /// Space URLs), as written and decoded.
    /// </summary>
    public void AddFrom(Uri url)
    {
        var info = url.UserInfo;
        if (info.IndexOf(':') is var colon and >= 0) AddEncoded(info.Substring(colon + 1));
        // Every request passes here; most have no query.
        if (url.Query.Length <= 1) return;
        foreach (var pair in url.Query.Substring(1).Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && IsCredentialName(Uri.UnescapeDataString(pair.Substring(0, eq)))) AddEncoded(pair.Substring(eq + 1));
        }
    }

    void AddEncoded(string value)
    {
        Add(value);
        Add(Uri.UnescapeDataString(value.Replace('+', ' ')));
        Add(Uri.UnescapeDataString(value));
    }

    // A parameter is a credential when its name is one of these words or ends with one after a
    // "_" or "-" (access_token, X-Amz-Signature, __sign); "author" or "keyword" are not.
    static readonly string[] CredentialWords = { "token", "sign", "sig", "signature", "key", "apikey", "secret", "password", "passwd", "credential", "auth", "authorization", "policy" };

    static bool IsCredentialName(string name)
    {
        var n = name.TrimStart('_');
        return CredentialWords.Any(w => n.Equals(w, StringComparison.OrdinalIgnoreCase)
            || (n.Length > w.Length && n.EndsWith(w, StringComparison.OrdinalIgnoreCase) && n[n.Length - w.Length - 1] is '_' or '-'));
    }

    /// <summary><paramref name="text"/> with every known secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        string[] secrets;
        lock (_lock) secrets = _secrets.ToArray();
        foreach (var secret in secrets)
            if (text!.IndexOf(secret, StringComparison.Ordinal) >= 0) text = text.Replace(secret, Mask);
        return text!;
    }

    /// <summary>A header value as it may be logged: credentials and cookies never, anything else redacted.</summary>
    public string ForLog(string name, string value) => IsSensitive(name) ? Mask : Redact(value);

    internal static bool IsSensitive(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
        || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0;
}
