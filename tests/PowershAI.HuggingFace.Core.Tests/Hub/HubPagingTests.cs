using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubPagingTests
{
    [Fact]
    public async Task Taking_five_of_a_limit_ten_listing_requests_one_page()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var items = await H.First(H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10), cts.Token), 5, cts.Token);

        Assert.Equal(5, items.Count);
        Assert.Single(H.To(hub, "/api/models"));
    }

    [Fact]
    public async Task Taking_twenty_five_requests_three_pages_following_the_link()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var items = await H.First(H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10), cts.Token), 25, cts.Token);

        Assert.Equal(25, items.Count);
        var requests = H.To(hub, "/api/models");
        Assert.Equal(3, requests.Count);
        Assert.DoesNotContain("cursor=", requests[0].PathAndQuery);
        Assert.All(requests.Skip(1), r => Assert.Contains("cursor=", r.PathAndQuery));
        Assert.All(requests, r => Assert.Contains("limit=10", r.PathAndQuery));
    }

    [Fact]
    public async Task Reading_to_the_end_yields_every_visible_repo_once_and_stops_without_a_link()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var items = await H.All(H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10), cts.Token), cts.Token);

        var ids = items.Select(i => (string?)i["id"]).ToList();
        Assert.Equal(29, ids.Count); // 30 seeded, one private
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("alice/private-model", ids);
        Assert.Equal(3, H.To(hub, "/api/models").Count);
    }

    [Fact]
    public async Task A_reader_makes_each_item_from_its_json_across_pages_and_its_nulls_are_skipped()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var read = 0;
        var ids = await H.All(H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10),
            element => ++read % 2 == 0 ? null : element.GetProperty("id").GetString(), cts.Token), cts.Token);

        var all = (await H.All(H.Client(hub).ListReposAsync(HubRepoType.Model, new HubQuery().Add("limit", 10), cts.Token), cts.Token))
            .Select(i => (string?)i["id"]).ToList();
        Assert.Equal(29, read);
        Assert.Equal(all.Where((_, i) => i % 2 == 0), ids);
        Assert.Equal(6, H.To(hub, "/api/models").Count);
    }

    [Fact]
    public async Task Items_are_detached_so_a_caller_can_reuse_them()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var items = await H.First(H.Client(hub).ListReposAsync(HubRepoType.Dataset, null, cts.Token), 2, cts.Token);

        var mine = new JsonArray(items[0], items[1]);
        Assert.Equal(2, mine.Count);
    }

    [Fact]
    public async Task Repeated_filters_and_expand_reach_the_hub_and_shape_the_answer()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var query = new HubQuery()
            .Add("filter", new[] { "text-generation", "license:mit" })
            .Add("expand", new[] { "downloads", "pipeline_tag" })
            .Add("limit", 50);
        var items = await H.All(H.Client(hub).ListReposAsync(HubRepoType.Model, query, cts.Token), cts.Token);

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("text-generation", (string?)i["pipeline_tag"]));
        Assert.All(items, i => Assert.Equal(new[] { "_id", "id", "downloads", "pipeline_tag" }.OrderBy(x => x), i.AsObject().Select(p => p.Key).OrderBy(x => x)));
        Assert.Contains("filter=text-generation&filter=license%3Amit", H.To(hub, "/api/models").Single().PathAndQuery);
    }

    [Fact]
    public async Task Link_next_is_found_among_other_links_and_resolved_when_relative()
    {
        var current = new System.Uri("http://127.0.0.1:5/api/models?limit=2");
        using var response = new System.Net.Http.HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://example.org/catalog>; rel=\"api-catalog\", </api/models?limit=2&cursor=a,b>; rel=\"next\"");

        Assert.Equal("http://127.0.0.1:5/api/models?limit=2&cursor=a,b", LinkHeader.Next(response, current)?.AbsoluteUri);

        using var last = new System.Net.Http.HttpResponseMessage();
        last.Headers.TryAddWithoutValidation("Link", "<https://example.org/x>; rel=\"prev\"");
        Assert.Null(LinkHeader.Next(last, current));
    }
}
