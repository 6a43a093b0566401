using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// POST /api/repos/create and DELETE /api/repos/delete (docs/hub-api.md §1.9): a JSON body with name,
/// organization and type; creating needs a write token on the namespace, a Space an sdk; 409 with
/// the url when the repo exists; deleting answers "OK" as text.
/// </summary>
internal static class RepoManagementRoutes
{
    private static readonly string[] Sdks = ["gradio", "docker", "static", "streamlit"];

    public static async Task HandleAsync(HubCall call, string action)
    {
        var ctx = call.Ctx;
        var create = action == "create";
        if (create ? !HttpMethods.IsPost(ctx.Request.Method) : !HttpMethods.IsDelete(ctx.Request.Method))
        {
            await Router.NotFoundAsync(call);
            return;
        }
        if (call.User is null)
        {
            await Http.Error(ctx, StatusCodes.Status401Unauthorized, call.InvalidToken ? RepoAccess.InvalidCredentials : "You must be authenticated to do this.");
            return;
        }
        if (await Http.ReadObject(ctx) is not { } body)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "The body is not a JSON object.");
            return;
        }
        var name = body["name"]?.GetValue<string>() ?? "";
        var owner = body["organization"]?.GetValue<string>() ?? call.User.Name;
        var typeName = body["type"]?.GetValue<string>() ?? "model";
        if (name.Length == 0 || RepoAccess.TypeOf(typeName + "s") is not { } type)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "name and a valid type (model, dataset, space) are required");
            return;
        }
        var id = owner + "/" + name;
        if (create) await CreateAsync(call, body, type, id);
        else await DeleteAsync(call, type, id);
    }

    private static async Task CreateAsync(HubCall call, JsonObject body, FakeRepoType type, string id)
    {
        var ctx = call.Ctx;
        var sdk = body["sdk"]?.GetValue<string>();
        if (type == FakeRepoType.Space && (sdk is null || !Sdks.Contains(sdk)))
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"sdk is required for a Space: one of {string.Join(", ", Sdks)}");
            return;
        }
        var repo = type == FakeRepoType.Space ? new FakeSpace(id, sdk!, sdk == "gradio" ? "5.14.0" : null) : new FakeRepo(type, id);
        if (!Catalogue.CanWrite(repo, call.User))
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, $"You don't have the rights to create a {repo.Noun} under the namespace \"{repo.Author}\"");
            return;
        }
        repo.Private = body["private"]?.GetValue<bool>() == true || body["visibility"]?.GetValue<string>() == "private";
        repo.AddFile(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n");
        var url = $"{call.Origin}/{RepoAccess.WebPrefix(type)}{id}";
        if (!call.Catalogue.TryAdd(repo))
        {
            ctx.Response.Headers["X-Error-Message"] = $"You already created this {repo.Noun} repo";
            await Http.Json(ctx, new JsonObject { ["error"] = $"You already created this {repo.Noun} repo", ["url"] = url }, StatusCodes.Status409Conflict);
            return;
        }
        await Http.Json(ctx, new JsonObject { ["url"] = url, ["name"] = id, ["id"] = repo.ObjectId });
    }

    private static async Task DeleteAsync(HubCall call, FakeRepoType type, string id)
    {
        var (repo, _) = call.Catalogue.Find(type, id);
        if (repo is null || !Catalogue.CanSee(repo, call.User))
        {
            await Http.Error(call.Ctx, StatusCodes.Status404NotFound, "Repository not found", "RepoNotFound");
            return;
        }
        if (!Catalogue.CanWrite(repo, call.User))
        {
            await Http.Error(call.Ctx, StatusCodes.Status403Forbidden, $"You don't have the rights to delete {repo.Id}");
            return;
        }
        call.Catalogue.Remove(repo);
        await Http.Write(call.Ctx, "OK", StatusCodes.Status200OK, "text/plain; charset=utf-8");
    }
}
