using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// GET/HEAD {prefix}/file={path} and the legacy {prefix}/file/{path} (docs/gradio-protocol.md §4.4): only files inside the
/// upload folder, single Range requests, 302 for URLs. A middleware, because "file=" followed by an
/// absolute path does not fit a route template.
/// </summary>
internal static class FileRoutes
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<bool> TryServeAsync(HttpContext ctx, ServerContext server)
    {
        var path = ctx.Request.Path.Value ?? "";
        var request = server.Prefix + "/file=";
        var legacy = server.Prefix + "/file/";
        string target;
        if (path.StartsWith(request, StringComparison.Ordinal)) target = path[request.Length..];
        else if (path.StartsWith(legacy, StringComparison.Ordinal)) target = "/" + path[legacy.Length..].TrimStart('/');
        else return false;
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)) return false;

        if (!await server.Login.CheckAsync(ctx)) return true;
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.Redirect(target);
            return true;
        }
        var full = server.Files.Allowed(target);
        if (full is null || (!File.Exists(full) && server.Profile.MissingFileIs403))
        {
            await Http.Detail(ctx, StatusCodes.Status403Forbidden, $"File not allowed: {target}.");
            return true;
        }
        if (!File.Exists(full))
        {
            await Http.Detail(ctx, StatusCodes.Status404NotFound, $"File not found: {target}.");
            return true;
        }
        if (!ContentTypes.TryGetContentType(full, out var contentType)) contentType = "application/octet-stream";
        else if (contentType.StartsWith("text/", StringComparison.Ordinal)) contentType += "; charset=utf-8";
        ctx.Response.Headers.ContentDisposition = $"inline; filename=\"{Path.GetFileName(full)}\"";
        await Results.File(full, contentType, enableRangeProcessing: true).ExecuteAsync(ctx);
        return true;
    }
}
