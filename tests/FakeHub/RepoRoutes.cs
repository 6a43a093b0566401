using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>/api/{t}/{ns}/{name}[/revision/{rev}], /tree/{rev}[/{path}] and, for Spaces, the runtime, settings and duplicate sub-routes (docs/hub-api.md §1.2, docs/hub-api.md §1.3).</summary>
internal static class RepoRoutes
{
    /// <summary>Segments are ["api", t, ns, name, ..rest].</summary>
    public static async Task HandleAsync(HubCall call, FakeRepoType type)
    {
        var s = call.Segments;
        var collection = s[1];
        var rest = s[4..];
        var repo = await RepoAccess.FindAsync(call, type, s[2] + "/" + s[3], id => $"/api/{collection}/{id}{call.RawTail(4)}");
        if (repo is null) return;

        var method = call.Ctx.Request.Method;
        switch (rest)
        {
            case [] when HttpMethods.IsGet(method):
                await InfoAsync(call, repo, "main");
                return;
            case ["revision", var rev] when HttpMethods.IsGet(method):
                await InfoAsync(call, repo, rev);
                return;
            case ["preupload" or "commit", var rev] when HttpMethods.IsPost(method):
                await CommitRoutes.HandleAsync(call, repo, rest[0], rev);
                return;
            case ["tree", var rev, ..] when HttpMethods.IsGet(method):
                await TreeRoutes.ListAsync(call, repo, rev, string.Join('/', rest[2..]));
                return;
        }
        if (repo is FakeSpace space && rest is [var action])
        {
            switch (action)
            {
                case "runtime" when HttpMethods.IsGet(method):
                    await Http.Json(call.Ctx, SpaceRoutes.Poll(call, space));
                    return;
                case "host" when HttpMethods.IsGet(method):
                    await SpaceRoutes.HostAsync(call, space);
                    return;
                case "jwt" when HttpMethods.IsGet(method):
                    await SpaceRoutes.JwtAsync(call, space);
                    return;
                case "restart" or "pause" or "sleeptime" when HttpMethods.IsPost(method):
                    await SpaceRoutes.ManageAsync(call, space, action);
                    return;
                case "hardware" when HttpMethods.IsPost(method):
                    await SpaceSettingsRoutes.HardwareAsync(call, space);
                    return;
                case "secrets" or "variables":
                    await SpaceSettingsRoutes.SettingsAsync(call, space, secrets: action == "secrets");
                    return;
                case "duplicate" when HttpMethods.IsPost(method):
                    await SpaceSettingsRoutes.DuplicateAsync(call, space);
                    return;
            }
        }
        await Router.NotFoundAsync(call);
    }

    private static async Task InfoAsync(HubCall call, FakeRepo repo, string rev)
    {
        if (!RepoAccess.IsKnownRevision(repo, rev))
        {
            await RepoAccess.RevisionNotFoundAsync(call, rev);
            return;
        }
        var expand = ListingRoutes.Expand(call.Ctx);
        var valid = RepoJson.ExpandValues(repo.Type);
        var unknown = expand.Where(e => !valid.Contains(e)).ToList();
        if (unknown.Count > 0)
        {
            await Http.Error(call.Ctx, StatusCodes.Status400BadRequest,
                $"Invalid expand value(s): {string.Join(", ", unknown)}. Valid values are: {string.Join(", ", valid)}");
            return;
        }
        var view = call.View(blobs: Http.Flag(call.Ctx, "blobs"));
        var fields = expand.Count > 0 ? expand : [.. RepoJson.InfoFields(repo.Type)];
        if (repo is FakeSpace space)
        {
            // Gradio clients poll the info itself while a Space wakes, so it counts as a runtime poll.
            System.Text.Json.Nodes.JsonObject json;
            lock (call.Catalogue.Gate)
            {
                json = RepoJson.Build(space, fields, view);
                SpaceLifecycle.Advance(space);
            }
            await Http.Json(call.Ctx, json);
            return;
        }
        await Http.Json(call.Ctx, RepoJson.Build(repo, fields, view));
    }
}
