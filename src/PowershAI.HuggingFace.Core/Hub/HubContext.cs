using System;
using System.Collections.Concurrent;
using System.Security;
using System.Threading;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// What the Hub side shares in a process (owned by <see cref="ClientState"/>): the session token
/// of Set-HuggingFaceToken, the Space hosts the Hub reported (which may receive the token),
/// the endpoint settings, and the senders (one HttpClient per connection settings) for the Hub, the router and Spaces.
/// </summary>
public sealed class HubContext
{
    readonly object _tokenGate = new();
    readonly SecretRegistry _secrets;
    readonly ConcurrentDictionary<string, Lazy<HttpSender>> _senders = new(StringComparer.Ordinal);
    SecureString? _sessionToken;

    public HubContext(SecretRegistry secrets) => _secrets = secrets;

    /// <summary>The sender over the one HttpClient for these connection settings (one per proxy, certificate check, header set).</summary>
    internal HttpSender SenderFor(ConnectionSettings settings) =>
        _senders.GetOrAdd(settings.Identity, _ => new Lazy<HttpSender>(
            // Redirects are followed by HubClient, which decides on every hop whether the token goes along.
            () => new HttpSender(HttpClients.Create(cookies: null, followRedirects: false, settings), _secrets, settings),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>A module setting for the Hub endpoint; null = HF_ENDPOINT, else the public Hub.</summary>
    public string? EndpointOverride { get; set; }

    /// <summary>A module setting for the inference router; null = HF_INFERENCE_ENDPOINT, else the public router.</summary>
    public string? RouterOverride { get; set; }

    /// <summary>Origins of Space hosts read from Hub answers.</summary>
    internal ConcurrentDictionary<string, byte> SpaceHosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Space hosts read from Hub answers (their URL without a trailing slash) and the Space each serves.</summary>
    internal ConcurrentDictionary<string, string> SpaceIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The token Set-HuggingFaceToken set, as a read-only copy; null when none.</summary>
    internal SecureString? SessionToken
    {
        get { lock (_tokenGate) return _sessionToken; }
        set
        {
            lock (_tokenGate)
            {
                _sessionToken?.Dispose();
                _sessionToken = value;
            }
        }
    }

    internal object TokenGate => _tokenGate;
}
