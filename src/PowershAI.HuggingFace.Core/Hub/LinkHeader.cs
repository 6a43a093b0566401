using System;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>RFC 8288 Link headers: only rel="next" matters (the Hub adds other rels elsewhere).</summary>
static class LinkHeader
{
    // <target> then its parameters up to the next link; a comma inside <> does not split.
    static readonly Regex Link = new(@"<([^>]*)>([^<]*)", RegexOptions.CultureInvariant);
    static readonly Regex Rel = new(@"(?:^|;)\s*rel\s*=\s*(?:""([^""]*)""|([^;,\s]+))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The next page's URL, resolved against <paramref name="current"/>; null on the last page.</summary>
    public static Uri? Next(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
        {
            foreach (Match link in Link.Matches(value))
            {
                var rel = Rel.Match(link.Groups[2].Value);
                if (!rel.Success) continue;
                var rels = (rel.Groups[1].Success ? rel.Groups[1].Value : rel.Groups[2].Value).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (Array.Exists(rels, r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
                    return new Uri(current, link.Groups[1].Value.Trim());
            }
        }
        return null;
    }
}
