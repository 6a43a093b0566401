using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>POST {prefix}/upload (multipart field "files") and GET {prefix}/upload_progress (docs/gradio-protocol.md §4.1).</summary>
internal static class UploadRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapPost(server.Prefix + "/upload", ctx => UploadAsync(ctx, server));
        if (server.Profile.HasUploadProgress) app.MapGet(server.Prefix + "/upload_progress", ctx => ProgressAsync(ctx, server));
    }

    private static async Task UploadAsync(HttpContext ctx, ServerContext server)
    {
        if (!await server.Login.CheckAsync(ctx)) return;
        if (!ctx.Request.HasFormContentType)
        {
            await Http.Detail(ctx, StatusCodes.Status400BadRequest, "Invalid content type.");
            return;
        }
        // Each file part is written to the store as it arrives (Gradio takes uploads of any size
        // unless max_file_size says otherwise): read through ASP.NET's form reader, a 1 GiB upload
        // was written twice, once to its buffer file and once to the store.
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(ctx.Request.ContentType).Boundary).ToString();
        var reader = new MultipartReader(boundary, ctx.Request.Body);
        var uploadId = server.Profile.HasUploadProgress ? ctx.Request.Query["upload_id"].FirstOrDefault() : null;
        var received = new List<(FileStore.Received File, string Name)>();
        while (await reader.ReadNextSectionAsync(ctx.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()
                || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() != "files") continue;
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
            var file = await server.Files.ReceiveAsync(section.Body, ctx.RequestAborted);
            received.Add((file, fileName));
            if (uploadId is not null) server.Uploads.Update(uploadId, fileName, file.Length);
        }
        if (server.Profile.EnforceMaxFileSize && server.Options.MaxFileSize is long max && received.Any(f => f.File.Length > max))
        {
            // Gradio moves an upload's files to its cache only once all are accepted.
            foreach (var f in received) FileStore.Discard(f.File);
            await Http.Write(ctx, $"File size exceeded maximum allowed size of {max} bytes.",
                StatusCodes.Status413PayloadTooLarge, "text/plain; charset=utf-8");
            return;
        }
        var paths = new JsonArray(received.Select(f => (JsonNode)server.Files.Keep(f.File, f.Name)).ToArray());
        if (uploadId is not null) server.Uploads.Done(uploadId);
        await Http.Json(ctx, paths);
    }

    private static async Task ProgressAsync(HttpContext ctx, ServerContext server)
    {
        var uploadId = ctx.Request.Query["upload_id"].FirstOrDefault() ?? "";
        if (await server.Uploads.WaitAsync(uploadId) is not { } reader)
        {
            await Http.Write(ctx, "Upload not found", StatusCodes.Status404NotFound, "text/plain; charset=utf-8");
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, server.Stopping);
        try
        {
            await Http.StartSse(ctx);
            while (true)
            {
                JsonObject message;
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    quiet.CancelAfter(server.Options.HeartbeatInterval);
                    try
                    {
                        message = await reader.ReadAsync(quiet.Token);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        message = new JsonObject { ["msg"] = "heartbeat" };
                    }
                }
                await Http.Sse(ctx, "data: " + PyJson.Compact(message) + "\n\n");
                if ((string?)message["msg"] == "done") return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away.
        }
    }
}
