using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Synchronous calls without the queue (docs/gradio-protocol.md §3.7): POST {prefix}/run/{api} and its alias /api/{api};
/// a given fn_index wins over the name. Generators answer with their first yield.
/// </summary>
internal static class RunRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapPost(server.Prefix + "/run/{api_name}", ctx => RunAsync(ctx, server));
        app.MapPost(server.Prefix + "/api/{api_name}", ctx => RunAsync(ctx, server));
    }

    private static async Task RunAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (await RequestBody.ReadAsync(ctx, QueueRoutes.PredictBody) is not { } body) return;
        var apiName = (string)ctx.Request.RouteValues["api_name"]!;
        var fn = body["fn_index"] is { } index ? server.FindByIndex(index.GetValue<int>()) : server.FindByName(apiName);
        if (fn is null)
        {
            await Http.ServerError(ctx, server.Profile,
                $"gradio.route_utils.FnIndexInferError: Could not infer function index for API name: {apiName}");
            return;
        }
        // Every event of the fake app is queued, so api_open=False (the Spaces default) blocks them all.
        if (!server.Options.ApiOpen)
        {
            await Http.Detail(ctx, StatusCodes.Status404NotFound,
                "This API endpoint does not accept direct HTTP POST requests. Please join the queue to use this API.");
            return;
        }
        var job = new Job
        {
            EventId = ServerContext.NewEventId(), SessionHash = (string?)body["session_hash"] ?? ServerContext.NewEventId(), Fn = fn,
            Data = (JsonArray)body["data"]!.DeepClone(), Root = ServerContext.Root(ctx),
        };
        try
        {
            await Http.Json(ctx, await server.Queue.RunOnceAsync(job, ctx.RequestAborted));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await Http.Json(ctx, server.Messages.ErrorPayload(error, server.Options.ShowError), StatusCodes.Status500InternalServerError);
        }
    }
}
