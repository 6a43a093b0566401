using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Net;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Http;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// The connection controls of every command that talks HTTP, named as Invoke-RestMethod names
/// them. A module-wide default is $PSDefaultParameterValues (for example
/// '*-Gradio*:SkipCertificateCheck'); a session remembers what it was opened with.
/// </summary>
public abstract class WebCmdlet : AsyncCmdlet
{
    /// <summary>Accept any server certificate (a self-signed app on the LAN).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Send every request through this proxy (default: HTTP_PROXY, HTTPS_PROXY and NO_PROXY).</summary>
    [Parameter]
    public Uri? Proxy { get; set; }

    /// <summary>User name and password for -Proxy.</summary>
    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Use no proxy, whatever the environment says.</summary>
    [Parameter]
    public SwitchParameter NoProxy { get; set; }

    /// <summary>Headers added to every request (for example @{ 'X-IP-Token' = $t } for ZeroGPU quota).</summary>
    [Parameter]
    public IDictionary? Headers { get; set; }

    /// <summary>The User-Agent header (default: PowershAI.HuggingFace/version).</summary>
    [Parameter]
    public string? UserAgent { get; set; }

    /// <summary>Retries of a request that failed with 408, 429, 5xx or a lost connection (GET and HEAD; 429 for any method).</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int? MaximumRetryCount { get; set; }

    /// <summary>Seconds between retries (a Retry-After from the server wins).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? RetryIntervalSec { get; set; }

    /// <summary>What this command's parameters ask for; null entries keep the session's or the default.</summary>
    internal ConnectionOverrides ConnectionOverrides()
    {
        if (Proxy != null && NoProxy)
            throw new ArgumentException("-Proxy and -NoProxy cannot be used together.", nameof(NoProxy));
        return new()
        {
            SkipCertificateCheck = Bound(nameof(SkipCertificateCheck)) ? SkipCertificateCheck.IsPresent : null,
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            NoProxy = Bound(nameof(NoProxy)) ? NoProxy.IsPresent : null,
            Headers = Headers?.Cast<DictionaryEntry>().ToDictionary(h => h.Key.ToString()!, h => Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase),
            UserAgent = UserAgent,
        };
    }

    /// <summary>The connection settings for a command without a session: the defaults with this command's controls.</summary>
    protected ConnectionSettings Connection() => ConnectionSettings.Default.With(ConnectionOverrides());

    /// <summary>The retry policy -MaximumRetryCount/-RetryIntervalSec ask for; null when neither was given.</summary>
    internal RetryPolicy? RetryPolicy()
    {
        if (MaximumRetryCount == null && RetryIntervalSec == null) return null;
        var interval = TimeSpan.FromSeconds(RetryIntervalSec ?? 1);
        return new RetryPolicy
        {
            MaxAttempts = (MaximumRetryCount ?? 2) + 1,
            RetryServerErrors = true,
            InitialBackoff = interval,
            MaxBackoff = RetryIntervalSec != null ? interval : new RetryPolicy().MaxBackoff,
        };
    }

    /// <summary>A 503 from the host of a Hub Space: the Hub is asked for the Space's stage (Core/Hub/SpaceHostFailure.cs).</summary>
    protected internal override Exception Explained(Exception ex)
    {
        if (ex is not GradioException { StatusCode: HttpStatusCode.ServiceUnavailable } g || SpaceHostFailure.SpaceAt(g.Target) == null || CancelToken.IsCancellationRequested)
            return ex;
        var options = new HubClientOptions { Log = HttpLog, Settings = Connection() };
        return Await(ct => SpaceHostFailure.ExplainAsync(ex, options, ct));
    }

    bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
}
