using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// POST /api/{t}/{id}/preupload/{rev} and /commit/{rev} (docs/hub-api.md §1.10). Preupload says per
/// file whether it goes as LFS (a .gitattributes LFS pattern, 10 MB or more, or a NUL byte in its
/// sample) and gives the oid of the file already at that path; the NDJSON commit adds, replaces or
/// deletes files (LFS ones must have been uploaded) and moves the branch to a new commit.
/// </summary>
internal static class CommitRoutes
{
    private const long LfsSize = 10 * 1024 * 1024;

    public static async Task HandleAsync(HubCall call, FakeRepo repo, string action, string rev)
    {
        var ctx = call.Ctx;
        if (!Catalogue.CanWrite(repo, call.User))
        {
            await Http.Error(ctx, call.User is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                $"You don't have write access to {repo.Id}");
            return;
        }
        if (!RepoAccess.IsKnownRevision(repo, rev))
        {
            await RepoAccess.RevisionNotFoundAsync(call, rev);
            return;
        }
        var text = await Http.ReadText(ctx);
        try
        {
            if (action == "preupload") await PreuploadAsync(call, repo, JsonNode.Parse(text) as JsonObject ?? []);
            else await CommitAsync(call, repo, text);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Bad request: {e.Message}");
        }
    }

    private static Task PreuploadAsync(HubCall call, FakeRepo repo, JsonObject body)
    {
        var patterns = LfsPatterns(repo);
        var files = new JsonArray();
        foreach (var f in (body["files"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var path = f["path"]!.GetValue<string>();
            var size = f["size"]?.GetValue<long>() ?? 0;
            var sample = Convert.FromBase64String(f["sample"]?.GetValue<string>() ?? "");
            var lfs = size >= LfsSize || sample.Contains((byte)0) || patterns.Any(p => path.EndsWith(p, StringComparison.OrdinalIgnoreCase));
            var entry = new JsonObject { ["path"] = path, ["uploadMode"] = lfs ? "lfs" : "regular", ["shouldIgnore"] = false };
            if (repo.FindFile(path) is { } existing) entry["oid"] = existing.Lfs ? existing.Sha256 : existing.BlobId;
            files.Add(entry);
        }
        return Http.Json(call.Ctx, new JsonObject { ["files"] = files, ["commitOid"] = repo.Sha });
    }

    /// <summary>"*.ext filter=lfs" lines of the repo's .gitattributes, as ".ext".</summary>
    private static List<string> LfsPatterns(FakeRepo repo) =>
        repo.FindFile(".gitattributes") is not { } attributes ? [] :
        [.. Encoding.UTF8.GetString(attributes.Content).Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 1 && p[0].StartsWith("*.", StringComparison.Ordinal) && p.Contains("filter=lfs"))
            .Select(p => p[0][1..])];

    private static async Task CommitAsync(HubCall call, FakeRepo repo, string ndjson)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l) as JsonObject ?? []).ToList();
        var summary = lines.FirstOrDefault(l => l["key"]?.GetValue<string>() == "header")?["value"]?["summary"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(summary))
        {
            await Http.Error(call.Ctx, StatusCodes.Status400BadRequest, "A commit needs a header with a summary");
            return;
        }
        var changes = new List<Action>();
        foreach (var line in lines)
        {
            var value = line["value"] as JsonObject ?? [];
            var path = value["path"]?.GetValue<string>() ?? "";
            switch (line["key"]?.GetValue<string>())
            {
                case "file":
                    var content = Convert.FromBase64String(value["content"]!.GetValue<string>());
                    changes.Add(() => repo.AddFile(path, content));
                    break;
                case "lfsFile":
                    var oid = value["oid"]?.GetValue<string>() ?? "";
                    if (!call.Server.LfsObjects.TryGetValue(oid, out var stored))
                    {
                        await Http.Error(call.Ctx, StatusCodes.Status400BadRequest, $"Your push was rejected because an LFS pointer pointed to a file that does not exist: {path} ({oid})");
                        return;
                    }
                    changes.Add(() => repo.AddFile(path, stored, lfs: true));
                    break;
                case "deletedFile":
                    changes.Add(() => repo.Files.RemoveAll(f => f.Path == path));
                    break;
            }
        }
        string sha;
        lock (call.Catalogue.Gate)
        {
            changes.ForEach(change => change());
            sha = repo.Sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(repo.Sha + "\n" + summary)));
        }
        await Http.Json(call.Ctx, new JsonObject
        {
            ["success"] = true,
            ["commitOid"] = sha,
            ["commitUrl"] = $"{call.Origin}/{RepoAccess.WebPrefix(repo.Type)}{repo.Id}/commit/{sha}",
            ["hookOutput"] = "",
        });
    }
}
