using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// The CDN on http://localhost:CDNPORT: /repos/xx/yy/{sha256}?...&amp;Signature=... serves LFS content.
/// Like a signed-URL CDN it refuses a request that also carries Authorization, which is how tests catch
/// a client that forwards the Hub token across hosts. PUT /upload/{sha256}?Signature=... takes LFS
/// uploads, PUT /multipart/{sha256}/{part}?... the parts of a multipart one (LfsRoutes). No RateLimit headers here: the CDN is not the Hub.
/// </summary>
internal static class CdnRoutes
{
    public static Task HandleAsync(HttpContext ctx, ServerState server)
    {
        if (ctx.Request.Headers.ContainsKey("Authorization"))
            return Http.Error(ctx, StatusCodes.Status400BadRequest,
                "Only one auth mechanism allowed: this URL is signed, so the Authorization header must not be sent");
        if (HttpMethods.IsPut(ctx.Request.Method)) return ctx.Request.Path.StartsWithSegments("/multipart") ? LfsRoutes.StorePartAsync(ctx, server) : LfsRoutes.StoreAsync(ctx, server);
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
            return Http.Error(ctx, StatusCodes.Status405MethodNotAllowed, "Method not allowed");
        var segments = (ctx.Request.Path.Value ?? "").Split('/', System.StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["repos", _, _, var sha256])
            return Http.Error(ctx, StatusCodes.Status404NotFound, "Not Found");
        if (string.IsNullOrEmpty(ctx.Request.Query["Signature"]) || string.IsNullOrEmpty(ctx.Request.Query["Expires"]))
            return Http.Error(ctx, StatusCodes.Status403Forbidden, "Request is not signed: the Expires and Signature query parameters are required");

        var file = server.Catalogue.Repos.SelectMany(r => r.Files).FirstOrDefault(f => f.Lfs && f.Sha256 == sha256);
        if (file is null) return Http.Error(ctx, StatusCodes.Status404NotFound, "Not Found");

        ctx.Response.Headers.ETag = $"\"{file.Sha256}\"";
        ctx.Response.Headers.CacheControl = "public, max-age=604800, immutable";
        var disposition = ctx.Request.Query["response-content-disposition"].ToString();
        if (disposition.Length > 0) ctx.Response.Headers.ContentDisposition = disposition;
        return ByteRanges.ServeAsync(ctx, file.Content, "application/octet-stream", server.Options.CdnRange);
    }
}
