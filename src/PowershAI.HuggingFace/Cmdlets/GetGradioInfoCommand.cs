using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Get-GradioInfo: the app's API description (/info) plus what /config says of it.</summary>
[Cmdlet(VerbsCommon.Get, "GradioInfo")]
[OutputType("PowershAI.HuggingFace.GradioInfo")]
public sealed class GetGradioInfoCommand : GradioCmdlet
{
    /// <summary>The app's URL, with or without a trailing slash or the /gradio_api prefix; "." (the default) is the default session's app.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Url", "RealAppUrl")]
    [AppUrlTransformation]
    public string AppUrl { get; set; } = ".";

    /// <summary>Accepted for PowershAI scripts; discovery reads /config, so there is nothing to retry.</summary>
    [Parameter]
    public SwitchParameter DisableRetry { get; set; }

    /// <summary>Read the app again instead of using the description cached for this URL.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override object? ErrorTarget => AppUrl;

    // Each URL piped in is its own item: one that fails is reported and the others go on.
    protected override void Process() => ForEachItem(new[] { AppUrl }, url => url, url =>
    {
        // PowershAI's default: "." is the default session's app.
        var client = url == "." ? SessionStore.Resolve(".").ClientFor(HttpLog) : ClientFor(url);
        var app = Await(ct => client.GetAppInfoAsync(ct, Force));
        WriteObject(InfoObjects.Info(app));
    });
}
