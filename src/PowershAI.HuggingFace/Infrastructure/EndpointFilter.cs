using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Endpoints picked by -ApiName: names with or without the slash, wildcards allowed, case ignored.</summary>
static class EndpointFilter
{
    public static List<EndpointInfo> Select(AppInfo app, string[]? names, bool includeHidden)
    {
        var patterns = names?.Select(n => new WildcardPattern("/" + n.TrimStart('/'), WildcardOptions.IgnoreCase)).ToList();
        return app.Endpoints
            .Where(e => includeHidden || !e.Hidden)
            .Where(e => patterns == null || patterns.Any(p => p.IsMatch(e.ApiName)))
            .ToList();
    }
}
