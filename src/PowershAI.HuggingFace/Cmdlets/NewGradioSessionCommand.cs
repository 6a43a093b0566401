using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>New-GradioSession: opens a session with an app (its own Gradio session hash, uploads, calls and download folder).</summary>
[Cmdlet(VerbsCommon.New, "GradioSession", SupportsShouldProcess = true)]
[OutputType(typeof(GradioSession))]
public sealed class NewGradioSessionCommand : GradioCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Url")]
    [AppUrlTransformation]
    public string AppUrl { get; set; } = "";

    /// <summary>The session's name; the app's URL by default.</summary>
    [Parameter(Position = 1)]
    public string? Name { get; set; }

    /// <summary>The folder file outputs are downloaded into by default (created at the first download); an existing file is refused.</summary>
    [Parameter(Position = 2)]
    public string? DownloadPath { get; set; }

    /// <summary>Replace a session of the same name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Accepted for PowershAI scripts; discovery reads /config, so there is nothing to retry.</summary>
    [Parameter]
    public SwitchParameter DisableRetry { get; set; }

    /// <summary>A bearer token sent to this app with every call of the session.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => AppUrl;

    // Each URL piped in is its own item: one that fails is reported and the others go on.
    protected override void Process() => ForEachItem(new[] { AppUrl }, url => url, url =>
    {
        var client = ClientFor(url, Token);
        var app = Await(ct => client.GetAppInfoAsync(ct));
        var session = new GradioSession(string.IsNullOrEmpty(Name) ? app.Root.AbsoluteUri : Name!, client, app);
        if (DownloadPath != null) session.DownloadPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DownloadPath);
        if (!ShouldProcess(session.Name, $"Create a Gradio session with {app.Root}")) return;
        SessionStore.Add(session, Force);
        WriteObject(session);
    });
}
