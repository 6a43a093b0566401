using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// A Space's hardware, secrets and variables, and duplicating a Space (docs/hub-api.md §1.3), with the
/// recorded semantics: secrets answer keys only and POST/DELETE give {}; variables POST/DELETE give the
/// whole remaining map; DELETE carries {"key"} as a JSON body, and a missing key is still a 200.
/// </summary>
internal static class SpaceSettingsRoutes
{
    /// <summary>The flavors the Hub accepts (huggingface_hub's SpaceHardware and huggingface.js' list); others are a 400.</summary>
    public static readonly string[] Flavors =
    [
        "cpu-basic", "cpu-upgrade", "cpu-performance", "cpu-xl", "zero-a10g", "t4-small", "t4-medium", "l4x1", "l4x4",
        "l40sx1", "l40sx4", "l40sx8", "a10g-small", "a10g-large", "a10g-largex2", "a10g-largex4", "a100-large", "a100x4",
        "a100x8", "h100", "h100x8", "sprx8", "inf2x6",
    ];

    private static readonly string[] Storages = ["small", "medium", "large"];

    /// <summary>POST …/hardware {"flavor", "sleepTimeSeconds"?}: the Space rebuilds on the new hardware; answers the runtime.</summary>
    public static async Task HardwareAsync(HubCall call, FakeSpace space)
    {
        if (!await SpaceRoutes.MayManageAsync(call, space, "change the hardware of")) return;
        var body = await Http.ReadObject(call.Ctx);
        var flavor = Text(body?["flavor"]);
        if (flavor is null || !Flavors.Contains(flavor))
        {
            await Http.Error(call.Ctx, StatusCodes.Status400BadRequest, $"Invalid hardware flavor: {flavor ?? "(none)"}");
            return;
        }
        if (space.Sdk == "static")
        {
            await Http.Error(call.Ctx, StatusCodes.Status400BadRequest, "A static Space runs on no hardware");
            return;
        }
        JsonObject runtime;
        lock (call.Catalogue.Gate)
        {
            space.Hardware = flavor;
            if (body?["sleepTimeSeconds"] is JsonValue sleep && sleep.TryGetValue<int>(out var seconds)) space.SleepTimeSeconds = seconds;
            SpaceLifecycle.Restart(space);
            runtime = RepoJson.Runtime(space, call.View());
        }
        await Http.Json(call.Ctx, runtime);
    }

    /// <summary>GET, POST (upsert) and DELETE of …/secrets or …/variables.</summary>
    public static async Task SettingsAsync(HubCall call, FakeSpace space, bool secrets)
    {
        var ctx = call.Ctx;
        var method = ctx.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method) && !HttpMethods.IsDelete(method))
        {
            await Router.NotFoundAsync(call);
            return;
        }
        if (!await SpaceRoutes.MayManageAsync(call, space, secrets ? "manage the secrets of" : "manage the variables of")) return;
        var map = secrets ? space.Secrets : space.Variables;
        if (!HttpMethods.IsGet(method))
        {
            var body = await Http.ReadObject(ctx);
            var key = Text(body?["key"]);
            var value = Text(body?["value"]);
            if (key is null || (HttpMethods.IsPost(method) && value is null))
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, HttpMethods.IsPost(method) ? "key and value are required" : "key is required");
                return;
            }
            lock (call.Catalogue.Gate)
            {
                if (HttpMethods.IsPost(method)) map[key] = new FakeSpaceSetting(value!, Text(body?["description"]), DateTimeOffset.UtcNow);
                else map.Remove(key);
            }
            if (secrets)
            {
                await Http.Json(ctx, new JsonObject());
                return;
            }
        }
        JsonObject answer = [];
        lock (call.Catalogue.Gate)
        {
            foreach (var (key, setting) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var entry = new JsonObject();
                if (!secrets) entry["value"] = setting.Value;
                if (setting.Description is not null) entry["description"] = setting.Description;
                entry["updatedAt"] = Http.Date(setting.UpdatedAt);
                answer[key] = entry;
            }
        }
        await Http.Json(ctx, answer);
    }

    /// <summary>
    /// POST /api/spaces/{from}/duplicate: a new Space with the source's SDK and files under a namespace the
    /// caller may write to, building towards RUNNING; 409 with its url when it exists. Answers {"url"}.
    /// </summary>
    public static async Task DuplicateAsync(HubCall call, FakeSpace source)
    {
        var ctx = call.Ctx;
        if (call.User is null)
        {
            await Http.Error(ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidUsernameOrPassword);
            return;
        }
        var body = await Http.ReadObject(ctx);
        var id = Text(body?["repository"]);
        if (body is null || id is null || id.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "repository (namespace/name) is required");
            return;
        }
        var hardware = Text(body["hardware"]) ?? "cpu-basic";
        var storage = Text(body["storage"]);
        if (!Flavors.Contains(hardware) || (storage is not null && !Storages.Contains(storage)))
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Invalid hardware flavor or storage tier: {hardware}, {storage}");
            return;
        }
        var copy = new FakeSpace(id, source.Sdk, source.SdkVersion)
        {
            Private = body["private"] is JsonValue p && p.TryGetValue<bool>(out var isPrivate) ? isPrivate
                : Text(body["visibility"]) is { } visibility ? visibility == "private" : source.Private,
            Hardware = source.Sdk == "static" ? null : hardware,
            Storage = storage,
            CardData = (JsonObject)source.CardData.DeepClone(),
        };
        if (body["sleepTimeSeconds"] is JsonValue sleep && sleep.TryGetValue<int>(out var seconds)) copy.SleepTimeSeconds = seconds;
        if (!Catalogue.CanWrite(copy, call.User))
        {
            await Http.Error(ctx, StatusCodes.Status403Forbidden, $"You don't have the rights to create a space under the namespace \"{copy.Author}\"");
            return;
        }
        foreach (var file in source.Files) copy.AddFile(file.Path, file.Content, file.Lfs);
        Fill(copy.Secrets, body["secrets"]);
        Fill(copy.Variables, body["variables"]);
        lock (call.Catalogue.Gate) SpaceLifecycle.Restart(copy);
        var url = $"{call.Origin}/spaces/{id}";
        if (!call.Catalogue.TryAdd(copy))
        {
            ctx.Response.Headers["X-Error-Message"] = "You already created this space repo";
            await Http.Json(ctx, new JsonObject { ["error"] = "You already created this space repo", ["url"] = url }, StatusCodes.Status409Conflict);
            return;
        }
        await Http.Json(ctx, new JsonObject { ["url"] = url });
    }

    /// <summary>[{key, value, description?}] into a settings map; entries without a key or value are skipped.</summary>
    private static void Fill(Dictionary<string, FakeSpaceSetting> map, JsonNode? list)
    {
        foreach (var item in (list as JsonArray ?? []).OfType<JsonObject>())
            if (Text(item["key"]) is { } key && Text(item["value"]) is { } value)
                map[key] = new FakeSpaceSetting(value, Text(item["description"]), DateTimeOffset.UtcNow);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
