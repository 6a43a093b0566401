using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// How a connection reaches its server: certificate check, proxy, extra headers, user agent.
/// They shape the HttpClient itself, so they are part of a connection's identity
/// (<see cref="Identity"/>): two callers with different settings never share a client.
/// Immutable; the default reaches servers as Invoke-RestMethod does (system proxy from
/// HTTP(S)_PROXY and NO_PROXY, certificates checked).
/// </summary>
public sealed class ConnectionSettings
{
    public static readonly ConnectionSettings Default = new();

    public bool SkipCertificateCheck { get; set; }

    /// <summary>A proxy for every request; null = the system's (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).</summary>
    public Uri? Proxy { get; set; }

    public NetworkCredential? ProxyCredential { get; set; }

    /// <summary>No proxy at all, whatever the environment says.</summary>
    public bool NoProxy { get; set; }

    /// <summary>Headers added to every request (e.g. X-IP-Token for ZeroGPU quota).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

    /// <summary>null = <see cref="HttpClients.UserAgent"/>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Redirects a request to an app follows at most (0: none, the redirect is the answer); null = 10 (GradioClient.SendRawAsync).</summary>
    public int? MaxRedirects { get; set; }

    /// <summary>
    /// A digest of everything above, so connection pools can key on it without holding a
    /// password or a header's secret value.
    /// </summary>
    public string Identity => _identity ??= Digest();

    string? _identity;

    /// <summary>These settings with <paramref name="overrides"/>'s given values on top (sessions remember their settings; a command may change some).</summary>
    public ConnectionSettings With(ConnectionOverrides overrides) => new()
    {
        SkipCertificateCheck = overrides.SkipCertificateCheck ?? SkipCertificateCheck,
        Proxy = overrides.NoProxy == true ? null : overrides.Proxy ?? Proxy,
        ProxyCredential = overrides.ProxyCredential ?? ProxyCredential,
        NoProxy = overrides.NoProxy ?? (overrides.Proxy == null && NoProxy),
        Headers = overrides.Headers == null ? Headers
            : Headers.Concat(overrides.Headers).GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase),
        UserAgent = overrides.UserAgent ?? UserAgent,
        MaxRedirects = MaxRedirects,
    };

    /// <summary>These settings without the extra headers: for a host other than the one they were given for.</summary>
    public ConnectionSettings WithoutHeaders()
    {
        var copy = With(new ConnectionOverrides());
        copy.Headers = new Dictionary<string, string>();
        return copy;
    }

    /// <summary>These settings following at most <paramref name="maxRedirects"/> redirects (Invoke-GradioHttp -MaxRedirects).</summary>
    public ConnectionSettings WithMaxRedirects(int maxRedirects)
    {
        var copy = With(new ConnectionOverrides());
        copy.MaxRedirects = maxRedirects;
        return copy;
    }

    /// <summary>The handler these settings describe.</summary>
    internal HttpClientHandler Apply(HttpClientHandler handler)
    {
        // Accepting any certificate is what the caller asked for with -SkipCertificateCheck.
#if NETFRAMEWORK
        if (SkipCertificateCheck) throw new PlatformNotSupportedException("-SkipCertificateCheck needs PowerShell 7 (.NET Framework's handler has no per-client certificate check).");
#else
        if (SkipCertificateCheck) handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
#endif
        if (NoProxy) handler.UseProxy = false;
        else if (Proxy != null)
        {
            handler.UseProxy = true;
            handler.Proxy = new WebProxy(Proxy) { Credentials = ProxyCredential };
        }
        return handler;
    }

    /// <summary>Adds the user agent and, when <paramref name="extraHeaders"/>, the extra headers to a request (per request, so -Debug shows them).</summary>
    internal void Decorate(HttpRequestMessage request, SecretRegistry secrets, bool extraHeaders = true)
    {
        if (UserAgent != null)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }
        if (!extraHeaders) return;
        foreach (var h in Headers)
        {
            if (SecretRegistry.IsSensitive(h.Key)) secrets.Add(h.Value);
            request.Headers.Remove(h.Key);
            request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }
    }

    string Digest()
    {
        var text = new StringBuilder()
            .Append(SkipCertificateCheck).Append('\n').Append(NoProxy).Append('\n').Append(Proxy).Append('\n')
            .Append(ProxyCredential?.UserName).Append('\n').Append(ProxyCredential?.Password).Append('\n').Append(UserAgent).Append('\n').Append(MaxRedirects).Append('\n');
        foreach (var h in Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)) text.Append(h.Key.ToLowerInvariant()).Append(':').Append(h.Value).Append('\n');
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()))).Replace("-", "");
    }
}

/// <summary>What one command asked for; null = keep the session's (or the default) setting.</summary>
public sealed class ConnectionOverrides
{
    public bool? SkipCertificateCheck { get; set; }
    public Uri? Proxy { get; set; }
    public NetworkCredential? ProxyCredential { get; set; }
    public bool? NoProxy { get; set; }
    public IReadOnlyDictionary<string, string>? Headers { get; set; }
    public string? UserAgent { get; set; }
}
