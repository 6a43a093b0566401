using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Get-GradioEndpoint: the endpoints of a session's app (or of an app URL) as objects, or with
/// -AsText as the usage text gradio_client's view_api prints.
/// </summary>
[Cmdlet(VerbsCommon.Get, "GradioEndpoint", DefaultParameterSetName = SessionSet)]
[OutputType(typeof(EndpointView), typeof(string))]
public sealed class GetGradioEndpointCommand : GradioCmdlet
{
    const string SessionSet = "Session";
    const string UrlSet = "Url";

    [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = SessionSet)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    [Parameter(Mandatory = true, ParameterSetName = UrlSet)]
    [Alias("Url")]
    [AppUrlTransformation]
    public string AppUrl { get; set; } = "";

    /// <summary>Only these endpoints (names with or without the slash; wildcards allowed). A name without wildcards that matches nothing is an error.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(ApiNameCompleter))]
    public string[]? ApiName { get; set; }

    /// <summary>Include show_api=False endpoints (callable, but not in /info).</summary>
    [Parameter]
    public SwitchParameter IncludeHidden { get; set; }

    /// <summary>Write the view_api-style text instead of objects.</summary>
    [Parameter]
    public SwitchParameter AsText { get; set; }

    protected override object? ErrorTarget => ParameterSetName == UrlSet ? AppUrl : Session;

    protected override void Process()
    {
        var session = ParameterSetName == UrlSet ? null : SessionStore.Resolve(Session);
        var app = session?.App ?? Await(ct => ClientFor(AppUrl).GetAppInfoAsync(ct));
        foreach (var missing in EndpointFilter.Missing(app, ApiName, IncludeHidden)) WriteFailure(missing, missing.Target);
        var views = EndpointFilter.Select(app, ApiName, IncludeHidden).Select(e => new EndpointView(app, e, session?.Name)).ToList();
        if (!AsText)
        {
            WriteObject(views, enumerateCollection: true);
            return;
        }
        var text = $"Gradio {app.VersionText} app at {app.Root} (protocol {app.Protocol})\n"
            + new string('-', 40) + $"\nNamed API endpoints: {views.Count}\n\n" + string.Join("\n", views.Select(v => v.ToText()));
        WriteObject(text);
    }
}
