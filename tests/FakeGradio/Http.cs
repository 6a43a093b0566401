using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Response writing in the genuine server's formats (FastAPI JSON, uvicorn SSE).</summary>
internal static class Http
{
    public static Task Json(HttpContext ctx, JsonNode? body, int status = StatusCodes.Status200OK) =>
        Write(ctx, PyJson.Compact(body), status, "application/json");

    public static Task Detail(HttpContext ctx, int status, string detail) => Json(ctx, new JsonObject { ["detail"] = detail }, status);

    public static Task Write(HttpContext ctx, string body, int status, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }

    /// <summary>
    /// An uncaught server error such as an unknown api name: 3.x/4.x answer "Internal Server Error",
    /// 5.x (debug mode) a plain-text traceback ending in the exception.
    /// </summary>
    public static Task ServerError(HttpContext ctx, Profile profile, string exception) =>
        Write(ctx,
            profile.UnknownApiTraceback
                ? "Traceback (most recent call last):\n  File \"gradio/route_utils.py\", line 229, in get_fn\n" + exception + "\n"
                : "Internal Server Error",
            StatusCodes.Status500InternalServerError, "text/plain; charset=utf-8");

    /// <summary>Starts an unbuffered text/event-stream response.</summary>
    public static async Task StartSse(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "text/event-stream; charset=utf-8";
        ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await ctx.Response.StartAsync(ctx.RequestAborted);
    }

    /// <summary>Writes raw SSE text and flushes it, so the client sees each message at once.</summary>
    public static async Task Sse(HttpContext ctx, string text)
    {
        await ctx.Response.WriteAsync(text, ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }

    public static async Task<string> ReadText(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync(ctx.RequestAborted);
    }
}
