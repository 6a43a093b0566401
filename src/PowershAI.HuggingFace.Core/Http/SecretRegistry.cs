using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// The secrets the module has sent (bearer tokens, cookie values, passwords), so that text a
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

    /// <summary>Records the secrets a request carries: its Authorization and Cookie values.</summary>
    public void AddFrom(HttpRequestMessage request)
    {
        if (request.Headers.Authorization?.Parameter is { } credential) Add(credential);
        if (request.Headers.TryGetValues("Cookie", out var cookies))
            foreach (var pair in cookies.SelectMany(c => c.Split(';')))
                Add(pair.Substring(pair.IndexOf('=') + 1));
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
