using System;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// The rules both clients follow redirects by (they follow them themselves, not through the
/// handler, so that secrets stop at the origin they were meant for).
/// </summary>
static class Redirect
{
    public static bool Is(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Where a Location leads from <paramref name="from"/>: a relative one resolves against it.</summary>
    public static Uri Target(Uri from, Uri location) =>
        // A relative Location can come back as a file: URI on Unix; only http(s) counts as absolute.
        location.IsAbsoluteUri && (location.Scheme == Uri.UriSchemeHttps || location.Scheme == Uri.UriSchemeHttp)
            ? location
            : new Uri(from, location.OriginalString);

    /// <summary>Whether the next hop is a GET without a body: after a 303, or a 301/302 answered to a POST.</summary>
    public static bool BecomesGet(int status, HttpMethod method) => status == 303 || (status is 301 or 302 && method == HttpMethod.Post);
}
