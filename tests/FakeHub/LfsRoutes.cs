using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// The Git LFS batch API of a repo (docs/hub-api.md §1.10): POST {prefix}{id}.git/info/lfs/objects/batch
/// answers, per object not yet stored, a signed upload URL on the CDN host and a verify URL on the
/// Hub; the CDN's PUT stores the content after checking its sha256 and size.
/// </summary>
internal static class LfsRoutes
{
    private const string LfsJson = "application/vnd.git-lfs+json";

    /// <summary>Segments are [prefix?, ns, name.git, "info", "lfs", "objects", "batch"|"verify"]; <paramref name="at"/> indexes ns.</summary>
    public static async Task HandleAsync(HubCall call, FakeRepoType type, int at)
    {
        var ctx = call.Ctx;
        var s = call.Segments;
        var id = s[at] + "/" + s[at + 1][..^".git".Length];
        var (repo, _) = call.Catalogue.Find(type, id);
        if (!HttpMethods.IsPost(ctx.Request.Method) || repo is null || !Catalogue.CanSee(repo, call.User))
        {
            await Http.Error(ctx, StatusCodes.Status404NotFound, "Repository not found", "RepoNotFound");
            return;
        }
        if (!Catalogue.CanWrite(repo, call.User))
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, $"You don't have write access to {repo.Id}");
            return;
        }
        var body = await Http.ReadObject(ctx);
        if (body is null)
        {
            await Http.Error(ctx, StatusCodes.Status422UnprocessableEntity, "The body is not a JSON object.");
            return;
        }
        var server = call.Server;
        if (s[^1] == "verify")
        {
            var oid = body["oid"]?.GetValue<string>() ?? "";
            if (server.LfsObjects.TryGetValue(oid, out var stored) && stored.Length == body["size"]?.GetValue<long>())
                await Http.Json(ctx, new JsonObject { ["message"] = "Verified" });
            else await Http.Error(ctx, StatusCodes.Status404NotFound, $"Object {oid} was not uploaded");
            return;
        }
        if (body["operation"]?.GetValue<string>() != "upload")
        {
            await Http.Error(ctx, StatusCodes.Status422UnprocessableEntity, "Only the upload operation is emulated.");
            return;
        }
        var verify = $"{call.Origin}/{RepoAccess.WebPrefix(type)}{repo.Id}.git/info/lfs/objects/verify";
        var objects = new JsonArray();
        foreach (var o in (body["objects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var oid = o["oid"]?.GetValue<string>() ?? "";
            var size = o["size"]?.GetValue<long>() ?? 0;
            var answer = new JsonObject { ["oid"] = oid, ["size"] = size };
            if (!server.LfsObjects.ContainsKey(oid))
            {
                var signature = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("upload:" + oid)))[..32];
                answer["actions"] = new JsonObject
                {
                    ["upload"] = new JsonObject { ["href"] = $"{server.CdnOrigin}/upload/{oid}?size={size}&Signature={signature}", ["header"] = new JsonObject() },
                    ["verify"] = new JsonObject { ["href"] = verify, ["header"] = new JsonObject() },
                };
            }
            objects.Add(answer);
        }
        var json = new JsonObject { ["transfer"] = "basic", ["objects"] = objects, ["hash_algo"] = "sha256" };
        await Http.Write(ctx, Http.Serialize(json), StatusCodes.Status200OK, LfsJson);
    }

    /// <summary>PUT /upload/{sha256}?size=N&amp;Signature=... on the CDN: kept when the content matches both.</summary>
    public static async Task StoreAsync(HttpContext ctx, ServerState server)
    {
        var segments = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["upload", var oid] || string.IsNullOrEmpty(ctx.Request.Query["Signature"]))
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, "Request is not signed");
            return;
        }
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var content = buffer.ToArray();
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != oid || content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) != ctx.Request.Query["size"])
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "The content does not match the object id and size");
            return;
        }
        server.LfsObjects[oid] = content;
        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }
}
