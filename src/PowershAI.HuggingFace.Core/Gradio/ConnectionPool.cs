using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// The Gradio connections of a process, one per app root, credential AND connection settings: a
/// login lives in a connection's cookies, so a call with another credential (or none) never rides
/// on it, and a client built for one proxy, certificate check or header set serves only those.
/// </summary>
public sealed class ConnectionPool
{
    readonly ConcurrentDictionary<string, GradioConnection> _pool = new(StringComparer.Ordinal);

    /// <summary>The connection for the app at <paramref name="root"/> with <paramref name="credential"/> and <paramref name="settings"/>.</summary>
    public GradioConnection For(Uri root, NetworkCredential? credential, ConnectionSettings settings) =>
        _pool.GetOrAdd(Key(root, credential, settings), _ => new GradioConnection(root, settings));

    /// <summary>
    /// The pooled connection, for <paramref name="credential"/>, whose app holds <paramref name="url"/>
    /// (the longest root it starts with), so a raw request carries that app's login; else the connection of its host.
    /// </summary>
    public GradioConnection ForUrl(Uri url, NetworkCredential? credential, ConnectionSettings settings)
    {
        var text = url.AbsoluteUri;
        var suffix = Identity(credential, settings);
        var owner = _pool.Where(kv => kv.Key.EndsWith(suffix, StringComparison.Ordinal) && text.StartsWith(kv.Value.Root.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv.Value).OrderByDescending(c => c.Root.AbsoluteUri.Length).FirstOrDefault();
        return owner ?? For(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"), credential, settings);
    }

    static string Key(Uri root, NetworkCredential? credential, ConnectionSettings settings) => root.AbsoluteUri.ToLowerInvariant() + Identity(credential, settings);

    static string Identity(NetworkCredential? credential, ConnectionSettings settings) => "\n" + settings.Identity + Login(credential);

    // A digest, so the pool's keys never hold a password.
    static string Login(NetworkCredential? credential)
    {
        if (credential == null) return "\n";
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(credential.UserName + "\n" + credential.Password));
        return "\n" + BitConverter.ToString(digest).Replace("-", "");
    }
}
