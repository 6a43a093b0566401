using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>API paths of repos, and the client-side check of repo ids (docs/hub-api.md §0.2–0.4).</summary>
public static class RepoPath
{
    // namespace/name or a legacy single name; ASCII parts that start and end on a word character.
    static readonly Regex IdPattern = new(@"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?/)?[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?$", RegexOptions.CultureInvariant);

    public static string Collection(HubRepoType type) => type switch
    {
        HubRepoType.Dataset => "datasets",
        HubRepoType.Space => "spaces",
        _ => "models",
    };

    /// <summary>/api/{models|datasets|spaces}/{id}; the slash inside the id is not encoded.</summary>
    public static string Api(HubRepoType type, string id) => $"/api/{Collection(type)}/{Validate(id)}";

    /// <summary>The id itself, or an InvalidArgument failure saying what is wrong with it (never sent to the Hub).</summary>
    public static string Validate(string id)
    {
        if (id == null || !IdPattern.IsMatch(id) || id.Contains("--") || id.Contains("..") || id.EndsWith(".git", StringComparison.Ordinal))
            throw new HubException(HubErrorKind.InvalidArgument, $"'{id}' is not a repo id: use namespace/name with letters, digits, '-', '_' and '.' (no '--' or '..').") { RepoId = id };
        return id;
    }

    /// <summary>The web and download prefix of a repo: {id}, datasets/{id}, spaces/{id} (docs/hub-api.md §0.2).</summary>
    public static string Web(HubRepoType type, string id) => type switch
    {
        HubRepoType.Dataset => "/datasets/" + Validate(id),
        HubRepoType.Space => "/spaces/" + Validate(id),
        _ => "/" + Validate(id),
    };

    /// <summary>A file path keeps its '/' and has every segment percent-encoded (docs/hub-api.md §0.4).</summary>
    public static string File(string path) =>
        string.Join("/", path.Split('/').Where(s => s.Length > 0).Select(Uri.EscapeDataString));

    /// <summary>A revision goes in one path segment, so refs/pr/1 becomes refs%2Fpr%2F1.</summary>
    public static string Revision(string revision) => Uri.EscapeDataString(revision);
}
