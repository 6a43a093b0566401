using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>GET /api/models|datasets|spaces (docs/hub-api.md §1.1) with cursor pagination through the Link header (docs/hub-api.md §4.1).</summary>
internal static class ListingRoutes
{
    private const int DefaultCap = 1000;

    private static readonly string[] SortKeys = ["createdAt", "downloads", "lastModified", "likes", "likes30d", "trendingScore", "id"];

    public static async Task ListAsync(HubCall call, FakeRepoType type)
    {
        var ctx = call.Ctx;
        var query = ctx.Request.Query;

        var expand = Expand(ctx);
        var valid = RepoJson.ExpandValues(type);
        var unknown = expand.Where(e => !valid.Contains(e)).ToList();
        if (unknown.Count > 0)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest,
                $"Invalid expand value(s): {string.Join(", ", unknown)}. Valid values are: {string.Join(", ", valid)}");
            return;
        }
        var full = Http.Flag(ctx, "full");
        if (full && expand.Count > 0)
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, "Cannot use both 'full' and 'expand' parameters");
            return;
        }

        var cap = call.Server.Options.PageSizeCap ?? DefaultCap;
        var pageSize = cap;
        if (query.ContainsKey("limit"))
        {
            if (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0)
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, "limit must be a positive integer");
                return;
            }
            pageSize = Math.Min(limit, cap);
        }

        var sort = query["sort"].ToString();
        if (sort.Length > 0 && !SortKeys.Contains(sort))
        {
            await Http.Error(ctx, StatusCodes.Status400BadRequest, $"Invalid sort value: {sort}. Valid values are: {string.Join(", ", SortKeys)}");
            return;
        }

        var offset = 0;
        if (query.ContainsKey("cursor"))
        {
            if (Cursor.Decode(query["cursor"].ToString()) is not { } decoded)
            {
                await Http.Error(ctx, StatusCodes.Status400BadRequest, "Invalid cursor");
                return;
            }
            offset = decoded;
        }
        else if (int.TryParse(query["skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
        {
            offset = skip;
        }

        var matches = Sort(Filter(call, type), sort).ToList();
        var page = matches.Skip(offset).Take(pageSize).ToList();

        // direction is deprecated and ignored: the Hub always sorts descending.
        IEnumerable<string> fields = expand.Count > 0 ? expand
            : full ? RepoJson.InfoFields(type).Where(f => f != "config" && (type != FakeRepoType.Model || f != "cardData"))
            : RepoJson.ListFields(type);
        if (expand.Count == 0 && type == FakeRepoType.Model)
        {
            if (Http.Flag(ctx, "config")) fields = fields.Append("config");
            if (Http.Flag(ctx, "cardData")) fields = fields.Append("cardData");
        }
        var fieldList = fields.ToList();
        var view = call.View();
        var body = new JsonArray([.. page.Select(r => (JsonNode?)RepoJson.Build(r, fieldList, view))]);

        if (offset + page.Count < matches.Count)
            ctx.Response.Headers.Link = $"<{NextUrl(call, offset + page.Count)}>; rel=\"next\"";
        await Http.Json(ctx, body);
    }

    /// <summary>expand and expand[] values, repeated or comma-separated.</summary>
    public static List<string> Expand(HttpContext ctx) =>
    [
        .. ctx.Request.Query["expand"].Concat(ctx.Request.Query["expand[]"])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(),
    ];

    private static IEnumerable<FakeRepo> Filter(HubCall call, FakeRepoType type)
    {
        var query = call.Ctx.Request.Query;
        var searches = query["search"].OfType<string>().Where(s => s.Length > 0).ToList();
        var author = query["author"].ToString();
        var filters = query["filter"].Concat(query["library"]).Concat(query["language"])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var task = query["pipeline_tag"].ToString();
        var gated = query["gated"].ToString().ToLowerInvariant();

        return call.Catalogue.Repos.Where(r =>
            r.Type == type
            && Catalogue.CanSee(r, call.User)
            && searches.All(s => r.Id.Contains(s, StringComparison.OrdinalIgnoreCase))
            && (author.Length == 0 || r.Author.Equals(author, StringComparison.OrdinalIgnoreCase))
            && filters.All(f => r.Tags.Contains(f, StringComparer.OrdinalIgnoreCase))
            && (task.Length == 0 || task.Equals(r.PipelineTag, StringComparison.OrdinalIgnoreCase))
            && gated switch
            {
                "true" or "1" => r.Gated is not null,
                "false" or "0" => r.Gated is null,
                _ => true,
            });
    }

    /// <summary>Always descending; stable, so ties keep catalogue order. No sort = trending, as on the Hub.</summary>
    private static IEnumerable<FakeRepo> Sort(IEnumerable<FakeRepo> repos, string sort) => sort switch
    {
        "createdAt" => repos.OrderByDescending(r => r.CreatedAt),
        "downloads" => repos.OrderByDescending(r => r.Downloads),
        "lastModified" => repos.OrderByDescending(r => r.LastModified),
        "likes" or "likes30d" => repos.OrderByDescending(r => r.Likes),
        "id" => repos.OrderByDescending(r => r.Id, StringComparer.Ordinal),
        _ => repos.OrderByDescending(r => r.TrendingScore),
    };

    /// <summary>The same URL with every original parameter, in order and as sent, and a new cursor.</summary>
    internal static string NextUrl(HubCall call, int offset)
    {
        var kept = call.QueryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Uri.UnescapeDataString(p.Split('=', 2)[0]).Equals("cursor", StringComparison.Ordinal));
        var parameters = string.Join('&', kept.Append("cursor=" + Uri.EscapeDataString(Cursor.Encode(offset))));
        return $"{call.Origin}{call.RawPath}?{parameters}";
    }

    /// <summary>Opaque to clients (they only follow Link); base64 JSON like the Hub's, so it needs URL encoding.</summary>
    internal static class Cursor
    {
        public static string Encode(int offset) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"$offset\":{offset.ToString(CultureInfo.InvariantCulture)}}}"));

        public static int? Decode(string cursor)
        {
            try
            {
                var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)));
                return json?["$offset"]?.GetValue<int>() is >= 0 and var offset ? offset : null;
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                return null;
            }
        }
    }
}
