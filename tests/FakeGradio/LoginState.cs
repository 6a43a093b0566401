using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>launch(auth=...): the per-process cookie id and the tokens handed out by /login.</summary>
internal sealed class LoginState((string User, string Password)? credentials, bool detailObject)
{
    private readonly ConcurrentDictionary<string, bool> _tokens = new();

    public (string User, string Password)? Credentials { get; } = credentials;

    /// <summary>Random per server process, as in Gradio 3.45+.</summary>
    public string CookieId { get; } = Token();

    public string SecureCookie => $"access-token-{CookieId}";
    public string UnsecureCookie => $"access-token-unsecure-{CookieId}";

    public string Issue()
    {
        var token = Token();
        _tokens[token] = true;
        return token;
    }

    public bool IsAuthenticated(HttpContext ctx)
    {
        if (Credentials is null) return true;
        var cookies = ctx.Request.Cookies;
        return (cookies[SecureCookie] ?? cookies[UnsecureCookie]) is { } token && _tokens.ContainsKey(token);
    }

    /// <summary>The login check of protected routes: false after answering 401.</summary>
    public async Task<bool> CheckAsync(HttpContext ctx)
    {
        if (IsAuthenticated(ctx)) return true;
        // 5.38+ answers with an object (docs/gradio-protocol.md §1).
        if (detailObject)
            await Http.Json(ctx, new JsonObject { ["detail"] = new JsonObject { ["error"] = "Not authenticated", ["auth_message"] = null } }, StatusCodes.Status401Unauthorized);
        else
            await Http.Detail(ctx, StatusCodes.Status401Unauthorized, "Not authenticated");
        return false;
    }

    private static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
