using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// GET /api/{t}/{id}/tree/{rev}[/{path}]?recursive=true (docs/hub-api.md §1.5): files and folders under
/// a path, one level or all of them, paged by a Link header like the repo listings. The path may come
/// as several segments or as one with %2F inside; both decode to the same segments here.
/// </summary>
internal static class TreeRoutes
{
    public static async Task ListAsync(HubCall call, FakeRepo repo, string rev, string path)
    {
        var ctx = call.Ctx;
        if (!RepoAccess.IsKnownRevision(repo, rev))
        {
            await RepoAccess.RevisionNotFoundAsync(call, rev);
            return;
        }
        path = path.Trim('/');
        var prefix = path.Length == 0 ? "" : path + "/";
        var under = repo.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (path.Length > 0 && under.Count == 0)
        {
            await Http.Error(ctx, StatusCodes.Status404NotFound, $"{path} does not exist on \"{rev}\"", "EntryNotFound");
            return;
        }
        var recursive = Http.Flag(ctx, "recursive");
        var entries = Entries(under, prefix, recursive).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

        var offset = 0;
        if (ctx.Request.Query.ContainsKey("cursor"))
        {
            if (ListingRoutes.Cursor.Decode(ctx.Request.Query["cursor"].ToString()) is not { } decoded)
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, "Invalid cursor");
                return;
            }
            offset = decoded;
        }
        var pageSize = call.Server.Options.PageSizeCap ?? 1000;
        var page = entries.Skip(offset).Take(pageSize).ToList();
        if (offset + page.Count < entries.Count)
            ctx.Response.Headers.Link = $"<{ListingRoutes.NextUrl(call, offset + page.Count)}>; rel=\"next\"";
        await Http.Json(ctx, new JsonArray([.. page.Select(e => (JsonNode?)e.Json)]));
    }

    private sealed record Entry(string Path, JsonObject Json);

    /// <summary>The files (and the folders that hold them) below <paramref name="prefix"/>: direct children only unless recursive.</summary>
    private static IEnumerable<Entry> Entries(List<FakeFile> files, string prefix, bool recursive)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var rest = file.Path[prefix.Length..];
            var parts = rest.Split('/');
            for (var i = 1; i < parts.Length && (recursive || i == 1); i++)
                folders.Add(prefix + string.Join('/', parts[..i]));
            if (recursive || parts.Length == 1) yield return new Entry(file.Path, FileJson(file));
        }
        foreach (var folder in folders)
            yield return new Entry(folder, new JsonObject { ["type"] = "directory", ["oid"] = TreeId(folder), ["size"] = 0, ["path"] = folder });
    }

    private static JsonObject FileJson(FakeFile file)
    {
        var json = new JsonObject
        {
            ["type"] = "file",
            ["oid"] = file.BlobId,
            ["size"] = file.Content.Length,
            ["path"] = file.Path,
        };
        if (file.Lfs)
            json["lfs"] = new JsonObject { ["oid"] = file.Sha256, ["size"] = file.Content.Length, ["pointerSize"] = file.Pointer.Length };
        return json;
    }

    /// <summary>A stand-in for a git tree id: stable per folder path.</summary>
    private static string TreeId(string folder) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("tree:" + folder)));
}
