using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>One request to the Hub host: its path split into decoded segments, and the caller.</summary>
internal sealed class HubCall
{
    public HubCall(HttpContext ctx, ServerState server)
    {
        Ctx = ctx;
        Server = server;
        // The raw target keeps %2F inside a segment (refs%2Fpr%2F1), which Request.Path would not tell apart.
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "/";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        RawPath = query < 0 ? raw : raw[..query];
        RawSegments = RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Segments = [.. RawSegments.Select(Uri.UnescapeDataString)];
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            HasAuthorization = true;
            User = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? server.Catalogue.UserByToken(header["Bearer ".Length..].Trim())
                : null;
        }
    }

    public HttpContext Ctx { get; }
    public ServerState Server { get; }
    public Catalogue Catalogue => Server.Catalogue;
    public string RawPath { get; }
    public string[] RawSegments { get; }
    public string[] Segments { get; }

    /// <summary>An Authorization header was sent (valid or not).</summary>
    public bool HasAuthorization { get; }

    /// <summary>The account of a valid bearer token; null when anonymous or invalid.</summary>
    public FakeUser? User { get; }

    public bool InvalidToken => HasAuthorization && User is null;

    /// <summary>scheme://host:port as the client reached the Hub; every absolute URL starts with it (docs/hub-api.md §0.1).</summary>
    public string Origin => $"{Ctx.Request.Scheme}://{Ctx.Request.Host.Value}";

    public View View(bool blobs = false) => new(Catalogue, Origin, blobs);

    /// <summary>Raw segments from index <paramref name="start"/> on, joined back into a path ("" if none).</summary>
    public string RawTail(int start) => start >= RawSegments.Length ? "" : "/" + string.Join('/', RawSegments[start..]);

    public string QueryString => Ctx.Request.QueryString.Value ?? "";
}
