using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Lets the server stand in for a forward proxy: a client sending through a proxy writes the
/// whole URL as the request target. With --proxy-auth such requests need the proxy's Basic
/// credentials (407 otherwise); either way they are answered by the app itself, so a call to an
/// address where nothing listens succeeds only through the proxy.
/// </summary>
internal static class ProxyGate
{
    public static Task CheckAsync(HttpContext ctx, RequestDelegate next, FakeGradioOptions options)
    {
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var viaProxy = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!viaProxy || options.ProxyAuth is not var (user, password)) return next(ctx);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        if (ctx.Request.Headers["Proxy-Authorization"] == expected) return next(ctx);
        ctx.Response.StatusCode = StatusCodes.Status407ProxyAuthenticationRequired;
        ctx.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"fake-proxy\"";
        return Task.CompletedTask;
    }
}
