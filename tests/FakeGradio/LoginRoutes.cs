using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>/login and /logout at the app root (docs/gradio-protocol.md §5.1).</summary>
internal static class LoginRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        var login = server.Login;
        app.MapPost("/login", async ctx =>
        {
            if (login.Credentials is not { } credentials)
            {
                ctx.Response.Redirect(ctx.Request.PathBase + "/");
                return;
            }
            var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(ctx.RequestAborted) : null;
            if (form?["username"].ToString() != credentials.User || form?["password"].ToString() != credentials.Password)
            {
                await Http.Detail(ctx, StatusCodes.Status400BadRequest, "Incorrect credentials.");
                return;
            }
            var token = login.Issue();
            ctx.Response.Cookies.Append(login.SecureCookie, token,
                new CookieOptions { HttpOnly = true, Path = "/", SameSite = SameSiteMode.None, Secure = true });
            ctx.Response.Cookies.Append(login.UnsecureCookie, token,
                new CookieOptions { HttpOnly = true, Path = "/", SameSite = SameSiteMode.Lax });
            await Http.Json(ctx, new System.Text.Json.Nodes.JsonObject { ["success"] = true });
        });
        app.MapGet("/logout", ctx =>
        {
            ctx.Response.Cookies.Delete(login.SecureCookie, new CookieOptions { Path = "/" });
            ctx.Response.Cookies.Delete(login.UnsecureCookie, new CookieOptions { Path = "/" });
            ctx.Response.Redirect(ctx.Request.PathBase + "/");
            return Task.CompletedTask;
        });
    }
}
