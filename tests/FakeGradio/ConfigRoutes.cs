using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Discovery (docs/gradio-protocol.md §2): /config and the page at the app root, {prefix}/info, {prefix}/app_id.</summary>
internal static class ConfigRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapGet("/config", ctx => ConfigAsync(ctx, server));
        app.MapGet("/", ctx => PageAsync(ctx, server));
        app.MapGet(server.Prefix + "/info", ctx => InfoAsync(ctx, server));
        app.MapGet(server.Prefix + "/app_id", async ctx =>
        {
            if (await server.Login.CheckAsync(ctx)) await Http.Json(ctx, new System.Text.Json.Nodes.JsonObject { ["app_id"] = server.AppId });
        });
    }

    private static async Task ConfigAsync(HttpContext ctx, ServerContext server)
    {
        if (FaultScope.Of(ctx).Has(FakeFaults.HangConfig))
        {
            // Never answers; ends only when the client gives up or the server stops.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (!await server.Login.CheckAsync(ctx)) return;
        await Http.Json(ctx, ConfigBuilder.Build(server, ServerContext.Root(ctx)));
    }

    /// <summary>The HTML page embeds the config, the fallback old clients read when /config fails.</summary>
    private static Task PageAsync(HttpContext ctx, ServerContext server)
    {
        var config = server.Login.IsAuthenticated(ctx) ? PyJson.Compact(ConfigBuilder.Build(server, ServerContext.Root(ctx))) : "{\"auth_required\":true}";
        return Http.Write(ctx,
            $"<!doctype html><html><head><title>{server.App.Title}</title><script>window.gradio_config = {config};</script></head><body></body></html>",
            StatusCodes.Status200OK, "text/html; charset=utf-8");
    }

    private static async Task InfoAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        var p = server.Profile;
        var query = ctx.Request.Query;
        // 5.x reads the parameter as a raw string, so any value switches it on; 4.36+ parses a bool.
        var all = p.AllEndpoints && query.ContainsKey("all_endpoints")
            && (p.LowercaseDictType || query["all_endpoints"].ToString().ToLowerInvariant() is "true" or "1");
        var json = PyJson.Compact(InfoBuilder.Build(server, all));
        if (FaultScope.Of(ctx).Has(FakeFaults.MalformedInfoJson)) json = json[..(json.Length / 2)];
        await Http.Write(ctx, json, StatusCodes.Status200OK, "application/json");
    }
}
