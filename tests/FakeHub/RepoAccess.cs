using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>Finding a repo the way the Hub answers for it: redirects, and the not-found rules of docs/hub-api.md §3.1.</summary>
internal static class RepoAccess
{
    public const string InvalidCredentials = "Invalid credentials in Authorization header";
    public const string InvalidUsernameOrPassword = "Invalid username or password.";

    /// <summary>
    /// The repo when the caller may see it. Otherwise writes the answer and returns null: 307 with a relative
    /// Location for a miscased or renamed id, 401 for an anonymous caller, 404 RepoNotFound for a token.
    /// </summary>
    public static async Task<FakeRepo?> FindAsync(HubCall call, FakeRepoType type, string id, Func<string, string> pathFor)
    {
        var (repo, redirectTo) = call.Catalogue.Find(type, id);
        if (redirectTo is not null)
        {
            call.Ctx.Response.Headers.Location = pathFor(redirectTo) + call.QueryString;
            await Http.Write(call.Ctx, $"Temporary Redirect. Redirecting to {pathFor(redirectTo)}", StatusCodes.Status307TemporaryRedirect, "text/plain; charset=utf-8");
            return null;
        }
        if (repo is not null && Catalogue.CanSee(repo, call.User)) return repo;
        await NotFoundAsync(call);
        return null;
    }

    /// <summary>A private repo is indistinguishable from a missing one.</summary>
    public static Task NotFoundAsync(HubCall call) => call.User is null
        ? Http.Error(call.Ctx, StatusCodes.Status401Unauthorized, InvalidUsernameOrPassword,
            call.Server.Options.AnonymousNotFoundErrorCode ? "RepoNotFound" : null)
        : Http.Error(call.Ctx, StatusCodes.Status404NotFound, "Repository not found", "RepoNotFound");

    /// <summary>main, HEAD (huggingface.js' default), refs/heads/main, or the commit sha.</summary>
    public static bool IsKnownRevision(FakeRepo repo, string rev) =>
        rev is "main" or "HEAD" or "refs/heads/main" || rev == repo.Sha;

    public static Task RevisionNotFoundAsync(HubCall call, string rev) =>
        Http.Error(call.Ctx, StatusCodes.Status404NotFound, $"Invalid rev id: {rev}", "RevisionNotFound");

    /// <summary>Files of a gated repo (docs/hub-api.md §3.1): 401 anonymous, 403 without approval; null when allowed.</summary>
    public static string? GatedMessage(HubCall call, FakeRepo repo, string webPath)
    {
        if (repo.Gated is null) return null;
        if (call.User is null)
            return $"Access to {repo.Noun} {repo.Id} is restricted. You must have access to it and be authenticated to access it. Please log in.";
        return Catalogue.CanReadGatedContent(repo, call.User)
            ? null
            : $"Access to {repo.Noun} {repo.Id} is restricted and you are not in the authorized list. Visit {call.Origin}/{webPath} to ask for access.";
    }

    /// <summary>"models" -> Model, etc.; null for anything else.</summary>
    public static FakeRepoType? TypeOf(string collection) => collection switch
    {
        "models" => FakeRepoType.Model,
        "datasets" => FakeRepoType.Dataset,
        "spaces" => FakeRepoType.Space,
        _ => null,
    };

    /// <summary>The web and resolve prefix: "", "datasets/", "spaces/".</summary>
    public static string WebPrefix(FakeRepoType type) => type switch
    {
        FakeRepoType.Dataset => "datasets/",
        FakeRepoType.Space => "spaces/",
        _ => "",
    };
}
