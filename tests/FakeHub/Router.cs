using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Dispatch on decoded path segments. Repo ids contain a slash and revisions may contain an encoded one,
/// which route templates handle poorly, so the Hub's URL grammar is matched by hand here.
/// </summary>
internal static class Router
{
    public static Task DispatchAsync(HubCall call)
    {
        var get = HttpMethods.IsGet(call.Ctx.Request.Method);
        switch (call.Segments)
        {
            case ["api", "whoami-v2"] when get:
                return WhoamiRoutes.WhoamiAsync(call);
            case ["api", "complete_multipart"] when HttpMethods.IsPost(call.Ctx.Request.Method):
                return LfsRoutes.CompleteAsync(call);
            case ["api", "repos", "create" or "delete"]:
                return RepoManagementRoutes.HandleAsync(call, call.Segments[2]);
            case ["api", var collection] when get && RepoAccess.TypeOf(collection) is { } type:
                return ListingRoutes.ListAsync(call, type);
            case ["api", "spaces", "by-subdomain", var subdomain] when get:
                return BySubdomainAsync(call, subdomain);
            case ["api", var collection, _, _, ..] when RepoAccess.TypeOf(collection) is { } type:
                return RepoRoutes.HandleAsync(call, type);
            case ["v1", "chat", "completions"] when HttpMethods.IsPost(call.Ctx.Request.Method):
                return ChatRoutes.CompleteAsync(call);
            case ["spaces-host", _, _, ..]:
                return SpaceHostRoutes.HandleAsync(call);
            case ["datasets" or "spaces", _, var git, "info", "lfs", "objects", "batch" or "verify"] when git.EndsWith(".git", System.StringComparison.Ordinal):
                return LfsRoutes.HandleAsync(call, call.Segments[0] == "datasets" ? FakeRepoType.Dataset : FakeRepoType.Space, 1);
            case [_, var git, "info", "lfs", "objects", "batch" or "verify"] when git.EndsWith(".git", System.StringComparison.Ordinal):
                return LfsRoutes.HandleAsync(call, FakeRepoType.Model, 0);
            case ["datasets", _, _, "resolve" or "raw", _, _, ..]:
                return ResolveRoutes.HandleAsync(call, FakeRepoType.Dataset, 1);
            case ["spaces", _, _, "resolve" or "raw", _, _, ..]:
                return ResolveRoutes.HandleAsync(call, FakeRepoType.Space, 1);
            case [_, _, "resolve" or "raw", _, _, ..]:
                return ResolveRoutes.HandleAsync(call, FakeRepoType.Model, 0);
            default:
                return NotFoundAsync(call);
        }
    }

    public static Task NotFoundAsync(HubCall call) =>
        Http.Error(call.Ctx, StatusCodes.Status404NotFound, "Sorry, we can't find the page you are looking for.");

    /// <summary>Gradio JS looks a Space up from its *.hf.space name; private ones stay hidden.</summary>
    private static async Task BySubdomainAsync(HubCall call, string subdomain)
    {
        var space = call.Catalogue.SpaceBySubdomain(subdomain);
        if (space is null || !Catalogue.CanSee(space, call.User))
        {
            await RepoAccess.NotFoundAsync(call);
            return;
        }
        await Http.Json(call.Ctx, RepoJson.Build(space, RepoJson.InfoFields(FakeRepoType.Space), call.View()));
    }
}
