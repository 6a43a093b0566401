using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>GET /api/whoami-v2 (docs/hub-api.md §1.7).</summary>
internal static class WhoamiRoutes
{
    public static Task WhoamiAsync(HubCall call)
    {
        if (call.User is not { } user)
            return Http.Error(call.Ctx, StatusCodes.Status401Unauthorized, RepoAccess.InvalidUsernameOrPassword);

        var accessToken = new JsonObject
        {
            ["displayName"] = user.TokenName,
            ["role"] = user.Role,
            ["createdAt"] = "2026-01-01T00:00:00.000Z",
        };
        if (user.Role == "fineGrained")
        {
            accessToken["fineGrained"] = new JsonObject
            {
                ["canReadGatedRepos"] = user.CanReadGatedRepos,
                ["global"] = new JsonArray("discussion.write"),
                ["scoped"] = new JsonArray([.. user.Scopes.Select(scope => (JsonNode?)new JsonObject
                {
                    ["entity"] = new JsonObject
                    {
                        ["_id"] = ObjectId(scope.Key),
                        ["type"] = scope.Key.Equals(user.Name, StringComparison.OrdinalIgnoreCase) ? "user" : "org",
                        ["name"] = scope.Key,
                    },
                    ["permissions"] = new JsonArray([.. scope.Value.Select(p => (JsonNode?)p)]),
                })]),
            };
        }
        var body = new JsonObject
        {
            ["type"] = "user",
            ["id"] = ObjectId(user.Name),
            ["name"] = user.Name,
            ["fullname"] = user.Fullname ?? user.Name,
            ["email"] = user.Email,
            ["emailVerified"] = user.Email is not null,
            ["isPro"] = false,
            ["canPay"] = false,
            ["periodEnd"] = null,
            ["billingMode"] = "postpaid",
            ["avatarUrl"] = $"/avatars/{ObjectId(user.Name)}.svg",
            ["orgs"] = new JsonArray([.. user.Orgs.Select(org => (JsonNode?)new JsonObject
            {
                ["type"] = "org",
                ["id"] = ObjectId(org),
                ["name"] = org,
                ["fullname"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(org),
                ["email"] = null,
                ["canPay"] = false,
                ["avatarUrl"] = $"/avatars/{ObjectId(org)}.svg",
                ["periodEnd"] = null,
            })]),
            ["auth"] = new JsonObject { ["type"] = "access_token", ["accessToken"] = accessToken },
        };
        return Http.Json(call.Ctx, body);
    }

    private static string ObjectId(string name) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("user:" + name)))[..24];
}
