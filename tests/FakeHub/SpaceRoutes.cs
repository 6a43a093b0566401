using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>Space runtime, host, JWT, and the owner's restart/pause/sleeptime (docs/hub-api.md §1.3, docs/hub-api.md §6.7).</summary>
internal static class SpaceRoutes
{
    /// <summary>The runtime as it is now; then the Space moves one step along its pending stages.</summary>
    public static JsonObject Poll(HubCall call, FakeSpace space)
    {
        lock (call.Catalogue.Gate)
        {
            var runtime = RepoJson.Runtime(space, call.View());
            SpaceLifecycle.Advance(space);
            return runtime;
        }
    }

    public static Task HostAsync(HubCall call, FakeSpace space) =>
        Http.Json(call.Ctx, new JsonObject { ["subdomain"] = space.Subdomain, ["host"] = RepoJson.Host(space, call.Origin) });

    /// <summary>A token the private Space host would accept; the emulator does not check it.</summary>
    public static Task JwtAsync(HubCall call, FakeSpace space)
    {
        if (call.User is null)
            return Http.Error(call.Ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidUsernameOrPassword);
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var token = Part("{\"alg\":\"EdDSA\"}") + "." + Part($"{{\"sub\":\"/spaces/{space.Id}\",\"exp\":{expires}}}") + ".c2lnbmF0dXJl";
        return Http.Json(call.Ctx, new JsonObject { ["token"] = token });
    }

    /// <summary>The owner's actions need a write token of a member of the Space's namespace: otherwise writes 401 or 403 and returns false.</summary>
    public static async Task<bool> MayManageAsync(HubCall call, FakeSpace space, string action)
    {
        if (call.User is null)
        {
            await Http.Error(call.Ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidUsernameOrPassword);
            return false;
        }
        if (Catalogue.CanWrite(space, call.User)) return true;
        await Http.Error(call.Ctx, StatusCodes.Status403Forbidden, Catalogue.IsMember(call.User, space.Author)
            ? $"You don't have write access with this token (role: {call.User.Role}); a write token is needed to {action} {space.Id}"
            : $"You don't have the rights to {action} {space.Id}: only its owner can");
        return false;
    }

    public static async Task ManageAsync(HubCall call, FakeSpace space, string action)
    {
        var ctx = call.Ctx;
        if (!await MayManageAsync(call, space, action)) return;
        if (space.Sdk == "static" && action is "restart" or "pause")
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Cannot {action} a static Space: it has no runtime");
            return;
        }

        int? seconds = null;
        if (action == "sleeptime")
        {
            try
            {
                seconds = JsonNode.Parse(await Http.ReadText(ctx))?["seconds"]?.GetValue<int>();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                seconds = null;
            }
            if (seconds is not { } value || (value < 0 && value != -1))
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, "Body must be {\"seconds\": <int>} (-1 = never sleep)");
                return;
            }
        }

        JsonObject runtime;
        lock (call.Catalogue.Gate)
        {
            switch (action)
            {
                case "restart": SpaceLifecycle.Restart(space); break;
                case "pause": SpaceLifecycle.Pause(space); break;
                default: space.SleepTimeSeconds = seconds == -1 ? null : seconds; break;
            }
            runtime = RepoJson.Runtime(space, call.View());
        }
        await Http.Json(ctx, runtime);
    }
}
