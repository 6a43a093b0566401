using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Endpoints picked by -ApiName: names with or without the slash, wildcards allowed, case ignored.</summary>
static class EndpointFilter
{
    public static List<EndpointInfo> Select(AppInfo app, string[]? names, bool includeHidden)
    {
        var patterns = names?.Select(Pattern).ToList();
        return Candidates(app, includeHidden)
            .Where(e => patterns == null || patterns.Any(p => p.IsMatch(e.ApiName)))
            .ToList();
    }

    /// <summary>
    /// One ApiNotFound error per literal name that matches no endpoint (as Get-Item does for a
    /// missing path); a wildcard that matches nothing is not an error.
    /// </summary>
    public static IEnumerable<GradioException> Missing(AppInfo app, string[]? names, bool includeHidden)
    {
        var candidates = Candidates(app, includeHidden).ToList();
        foreach (var name in names ?? new string[0])
        {
            if (WildcardPattern.ContainsWildcardCharacters(name) || candidates.Any(e => Pattern(name).IsMatch(e.ApiName))) continue;
            var hint = !includeHidden && app.Endpoints.Any(e => e.Hidden && Pattern(name).IsMatch(e.ApiName)) ? " It is hidden (show_api=False): add -IncludeHidden." : "";
            yield return new GradioException(GradioErrorKind.ApiNotFound,
                $"The app at {app.Root} has no endpoint '/{name.TrimStart('/')}'.{hint} Available: {string.Join(", ", candidates.Select(e => e.ApiName))}.", target: name);
        }
    }

    static IEnumerable<EndpointInfo> Candidates(AppInfo app, bool includeHidden) => app.Endpoints.Where(e => includeHidden || !e.Hidden);

    static WildcardPattern Pattern(string name) => new("/" + name.TrimStart('/'), WildcardOptions.IgnoreCase);
}
