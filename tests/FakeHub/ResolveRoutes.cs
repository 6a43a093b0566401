using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// GET/HEAD /{,datasets/,spaces/}{id}/resolve|raw/{rev}/{path} (docs/hub-api.md §1.6, docs/hub-api.md §6.6). Regular files come back
/// directly; LFS files answer 302 to the CDN, which is another host name, so clients must drop the token.
/// </summary>
internal static class ResolveRoutes
{
    /// <summary>Segments are [prefix?, ns, name, "resolve"|"raw", rev, ..path]; <paramref name="at"/> indexes ns.</summary>
    public static async Task HandleAsync(HubCall call, FakeRepoType type, int at)
    {
        var ctx = call.Ctx;
        var s = call.Segments;
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
        {
            await Router.NotFoundAsync(call);
            return;
        }
        var prefix = RepoAccess.WebPrefix(type);
        var repo = await RepoAccess.FindAsync(call, type, s[at] + "/" + s[at + 1], id => $"/{prefix}{id}{call.RawTail(at + 2)}");
        if (repo is null) return;
        if (repo.Disabled)
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, "Access to this resource is disabled.");
            return;
        }
        if (RepoAccess.GatedMessage(call, repo, prefix + repo.Id) is { } gated)
        {
            await Http.Error(ctx, call.User is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, gated, "GatedRepo");
            return;
        }
        var raw = s[at + 2] == "raw";
        var rev = s[at + 3];
        if (!RepoAccess.IsKnownRevision(repo, rev))
        {
            await RepoAccess.RevisionNotFoundAsync(call, rev);
            return;
        }
        ctx.Response.Headers["X-Repo-Commit"] = repo.Sha;
        var path = string.Join('/', s[(at + 4)..]);
        if (repo.FindFile(path) is not { } file)
        {
            await Http.Error(ctx, StatusCodes.Status404NotFound, "Entry not found", "EntryNotFound");
            return;
        }

        if (raw || !file.Lfs)
        {
            var content = file.Lfs ? file.Pointer : file.Content;
            ctx.Response.Headers.ETag = $"\"{file.BlobId}\"";
            await ByteRanges.ServeAsync(ctx, content, ByteRanges.ContentType(path));
            return;
        }

        var location = CdnUrl(call.Server, file, path);
        ctx.Response.Headers.Location = location;
        ctx.Response.Headers.ETag = $"\"{file.BlobId}\"";
        ctx.Response.Headers["X-Linked-Size"] = file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.Response.Headers["X-Linked-Etag"] = $"\"{file.Sha256}\"";
        await Http.Write(ctx, $"Found. Redirecting to {location}", StatusCodes.Status302Found, "text/plain; charset=utf-8");
    }

    /// <summary>A "signed" URL on the CDN host; the CDN checks the signature is present and refuses tokens.</summary>
    private static string CdnUrl(ServerState server, FakeFile file, string path)
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{file.Sha256}:{expires}")))[..32];
        var name = Uri.EscapeDataString(System.IO.Path.GetFileName(path));
        return $"{server.CdnOrigin}/repos/{file.Sha256[..2]}/{file.Sha256[2..4]}/{file.Sha256}"
               + $"?response-content-disposition=attachment%3B%20filename%3D%22{name}%22&Expires={expires}&Signature={signature}";
    }
}
