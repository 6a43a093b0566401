using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>The parameters every cmdlet that talks to a Gradio app shares: time bound, credentials and the connection controls.</summary>
public abstract class GradioCmdlet : WebCmdlet
{
    /// <summary>Seconds to wait for an answer (and the longest silence tolerated on an event stream, 45 s at least).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = (int)GradioClientOptions.DefaultTimeout.TotalSeconds;

    /// <summary>User name and password of an app launched with auth=; the login is kept for later calls to the same app.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    protected GradioClient ClientFor(string url, SecureString? token = null) => GradioClient.For(url, Options(token));

    protected GradioClientOptions Options(SecureString? token) => new()
    {
        Timeout = System.TimeSpan.FromSeconds(TimeoutSec),
        BearerToken = Secrets.Reveal(token),
        Credential = Credential?.GetNetworkCredential(),
        Log = HttpLog,
        Settings = Connection(),
        Retry = RetryPolicy(),
    };
}
