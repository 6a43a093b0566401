using System;
using System.Linq;
using System.Net.Http;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// What a HEAD on a resolve URL says about a file (docs/hub-api.md §1.6): the commit the revision
/// resolved to, the etag that names its blob, its size, and for an LFS file the CDN URL to fetch.
/// </summary>
public sealed class FileMetadata
{
    public FileMetadata(string commit, string etag, long? size, Uri? location, bool isLfs)
    {
        Commit = commit;
        ETag = etag;
        Size = size;
        Location = location;
        IsLfs = isLfs;
    }

    public string Commit { get; }

    /// <summary>sha256 of an LFS file's content (X-Linked-Etag), else the git blob sha1 (ETag).</summary>
    public string ETag { get; }

    /// <summary>X-Linked-Size for LFS, else Content-Length; null when the server gave neither.</summary>
    public long? Size { get; }

    /// <summary>Where the content is: the CDN URL an LFS file redirects to; null = the resolve URL itself.</summary>
    public Uri? Location { get; }

    /// <summary>True when the etag is a sha256 the downloaded content must match.</summary>
    public bool IsLfs { get; }

    internal static FileMetadata From(HttpResponseMessage response, Uri url, string what)
    {
        var commit = Header(response, "X-Repo-Commit");
        var linked = Header(response, "X-Linked-Etag");
        var etag = Normalize(linked ?? response.Headers.ETag?.ToString() ?? Header(response, "ETag"));
        if (commit == null || etag == null)
            throw new HubException(HubErrorKind.MalformedResponse, $"{what}: the answer has no {(commit == null ? "X-Repo-Commit" : "ETag")} header, so the file cannot be cached.") { Url = url.ToString() };
        // Both name files and folders in the cache, so they must be plain names.
        if (!IsPlainName(commit) || !IsPlainName(etag))
            throw new HubException(HubErrorKind.MalformedResponse, $"{what}: the commit or ETag the server sent is not a plain hex name.") { Url = url.ToString() };
        long? size = long.TryParse(Header(response, "X-Linked-Size"), out var linkedSize) ? linkedSize
            : (int)response.StatusCode < 300 ? response.Content?.Headers.ContentLength : null;
        var location = response.Headers.Location is { } l ? Redirect.Target(url, l) : null;
        return new FileMetadata(commit, etag, size, location, linked != null && IsSha256(etag));
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The etag without a weak prefix or quotes, as huggingface_hub names blobs.</summary>
    internal static string? Normalize(string? etag)
    {
        if (etag == null) return null;
        if (etag.StartsWith("W/", StringComparison.Ordinal)) etag = etag.Substring(2);
        etag = etag.Trim('"');
        return etag.Length == 0 ? null : etag;
    }

    static bool IsPlainName(string text) => text.Length <= 128 && text.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_'));

    internal static bool IsSha256(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
