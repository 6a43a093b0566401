using System;
using System.Collections.Generic;
using System.Globalization;
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
/// Hub; the CDN's PUT stores the content after checking its sha256 and size. Objects above
/// <see cref="FakeHubOptions.MultipartThreshold"/> are asked for in parts instead, joined by POST /api/complete_multipart.
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
                    ["upload"] = server.Options.MultipartThreshold is { } threshold && size > threshold
                        ? Multipart(call, oid, size, signature)
                        : new JsonObject { ["href"] = $"{server.CdnOrigin}/upload/{oid}?size={size}&Signature={signature}", ["header"] = new JsonObject() },
                    ["verify"] = new JsonObject { ["href"] = verify, ["header"] = new JsonObject() },
                };
            }
            objects.Add(answer);
        }
        var json = new JsonObject { ["transfer"] = "basic", ["objects"] = objects, ["hash_algo"] = "sha256" };
        await Http.Write(ctx, Http.Serialize(json), StatusCodes.Status200OK, LfsJson);
    }

    /// <summary>
    /// A multipart upload action as the Hub gives one: header.chunk_size and one signed CDN URL per part
    /// under "00001", "00002", …; href is where the client POSTs {oid, parts:[{partNumber, etag}]} at the end.
    /// </summary>
    private static JsonObject Multipart(HubCall call, string oid, long size, string signature)
    {
        var server = call.Server;
        var chunk = server.Options.MultipartChunkSize;
        var count = (int)((size + chunk - 1) / chunk);
        var header = new JsonObject { ["chunk_size"] = chunk.ToString(CultureInfo.InvariantCulture) };
        for (var part = 1; part <= count; part++)
            header[part.ToString("D5", CultureInfo.InvariantCulture)] = $"{server.CdnOrigin}/multipart/{oid}/{part}?size={size}&chunk={chunk}&Signature={signature}";
        return new JsonObject
        {
            ["href"] = $"{call.Origin}/api/complete_multipart?oid={oid}&size={size}&parts={count}&Signature={signature}",
            ["header"] = header,
        };
    }

    /// <summary>PUT /multipart/{sha256}/{part}?size&amp;chunk&amp;Signature on the CDN: a part of the announced length; its ETag is the part's md5.</summary>
    public static async Task StorePartAsync(HttpContext ctx, ServerState server)
    {
        var segments = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["multipart", var oid, var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part < 1
            || string.IsNullOrEmpty(ctx.Request.Query["Signature"])
            || !long.TryParse(ctx.Request.Query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !long.TryParse(ctx.Request.Query["chunk"], NumberStyles.None, CultureInfo.InvariantCulture, out var chunk))
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, "Request is not signed");
            return;
        }
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var expected = Math.Min(chunk, size - (part - 1) * chunk);
        if (buffer.Length != expected)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Part {part} must be {expected} bytes, not {buffer.Length}");
            return;
        }
        var content = buffer.ToArray();
        server.LfsParts.GetOrAdd(oid, _ => new())[part] = content;
        ctx.Response.Headers.ETag = PartETag(content);
        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// POST /api/complete_multipart?oid&amp;size&amp;parts&amp;Signature: every part, in order, with the ETag its PUT
    /// answered; the joined content must match the object's sha256 and size. Then it is stored as one object.
    /// </summary>
    public static async Task CompleteAsync(HubCall call)
    {
        var ctx = call.Ctx;
        var query = ctx.Request.Query;
        var oid = query["oid"].ToString();
        var body = await Http.ReadObject(ctx);
        if (string.IsNullOrEmpty(query["Signature"]) || body is null || body["oid"]?.GetValue<string>() != oid
            || !int.TryParse(query["parts"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "A signed completion needs the object's oid and its parts");
            return;
        }
        var listed = (body["parts"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var stored = call.Server.LfsParts.GetValueOrDefault(oid);
        using var joined = new MemoryStream();
        for (var part = 1; part <= count; part++)
        {
            var entry = part <= listed.Count ? listed[part - 1] : null;
            if (entry?["partNumber"]?.GetValue<int>() != part || stored?.GetValueOrDefault(part) is not { } content
                || entry["etag"]?.GetValue<string>() != PartETag(content))
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Part {part} is missing, out of order or has the wrong etag");
                return;
            }
            joined.Write(content);
        }
        if (listed.Count != count || Convert.ToHexStringLower(SHA256.HashData(joined.ToArray())) != oid || joined.Length.ToString(CultureInfo.InvariantCulture) != query["size"])
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "The parts do not make up the object");
            return;
        }
        call.Server.LfsObjects[oid] = joined.ToArray();
        call.Server.LfsParts.TryRemove(oid, out _);
        await Http.Json(ctx, new JsonObject());
    }

    /// <summary>S3's ETag of a part: its md5 in quotes.</summary>
    private static string PartETag(byte[] content) => $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"";

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
