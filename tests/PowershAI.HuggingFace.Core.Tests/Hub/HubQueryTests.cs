using System;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubQueryTests
{
    [Fact]
    public void Lists_repeat_the_key_booleans_are_words_and_nulls_are_left_out()
    {
        var query = new HubQuery()
            .Add("search", "tiny gpt")
            .Add("filter", new[] { "text-generation", "license:mit" })
            .Add("expand[]", new[] { "likes" })
            .Add("full", true)
            .Add("config", false)
            .Add("limit", 10)
            .Add("author", null)
            .Add("sort", (string?)null);

        Assert.Equal("search=tiny%20gpt&filter=text-generation&filter=license%3Amit&expand%5B%5D=likes&full=true&config=false&limit=10", query.ToString());
        Assert.True(query.Contains("filter"));
        Assert.False(query.Contains("author"));
        Assert.Equal(7, query.Count);
    }

    [Fact]
    public void Values_are_escaped_and_numbers_are_invariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var query = new HubQuery().Add("q", "a&b=c/d?#é").Add("x", 1.5);

            Assert.Equal("q=a%26b%3Dc%2Fd%3F%23%C3%A9&x=1.5", query.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Appending_keeps_a_query_the_url_already_has()
    {
        var query = new HubQuery().Add("limit", 2);

        Assert.Equal("https://huggingface.co/api/models?limit=2", query.AppendTo(new Uri("https://huggingface.co/api/models")).AbsoluteUri);
        Assert.Equal("https://huggingface.co/api/models?sort=likes&limit=2", query.AppendTo(new Uri("https://huggingface.co/api/models?sort=likes")).AbsoluteUri);
        Assert.Equal("https://huggingface.co/api/models", new HubQuery().AppendTo(new Uri("https://huggingface.co/api/models")).AbsoluteUri);
    }

    [Fact]
    public void A_revision_with_slashes_stays_one_path_segment()
    {
        Assert.Equal("refs%2Fpr%2F1", RepoPath.Revision("refs/pr/1"));
        Assert.Equal("/api/spaces/owner/demo", RepoPath.Api(HubRepoType.Space, "owner/demo"));
        Assert.Equal("/api/models/gpt2", RepoPath.Api(HubRepoType.Model, "gpt2"));
    }
}
