using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    /// <summary>
    /// A repo's tree at <paramref name="revision"/> (docs/hub-api.md §1.5), under <paramref name="path"/>
    /// or from the root, one level or all of it; lazily across its Link pages.
    /// </summary>
    public async IAsyncEnumerable<RepoFile> ListFilesAsync(HubRepoType type, string id, string? revision = null, string? path = null, bool recursive = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var route = RepoPath.Api(type, id) + "/tree/" + RepoPath.Revision(revision ?? "main") + (string.IsNullOrEmpty(path) ? "" : "/" + RepoPath.File(path!));
        var query = new HubQuery();
        if (recursive) query.Add("recursive", true);
        await foreach (var node in ListAsync(route, query, ct).ConfigureAwait(false))
        {
            if (RepoFile.FromJson(node) is { } file) yield return file;
        }
    }

    /// <summary>{endpoint}/{prefix}{id}/resolve/{rev}/{path}: where a file's content is downloaded from.</summary>
    public Uri ResolveUrl(HubRepoType type, string id, string revision, string path) =>
        Url(RepoPath.Web(type, id) + "/resolve/" + RepoPath.Revision(revision) + "/" + RepoPath.File(path));

    /// <summary>
    /// HEAD on the file's resolve URL, following renames but not the redirect to the CDN, whose
    /// answer carries the LFS headers (docs/hub-api.md §1.6).
    /// </summary>
    public async Task<FileMetadata> GetFileMetadataAsync(HubRepoType type, string id, string revision, string path, CancellationToken ct = default, TimeSpan? timeout = null)
    {
        var url = ResolveUrl(type, id, revision, path);
        var what = $"Reading the metadata of {path} in {Noun(type)} {id}";
        using var response = await SendCheckedAsync(HttpMethod.Head, url, null, what, ct, accept: "*/*", timeout: timeout, stayOnOrigin: true).ConfigureAwait(false);
        return FileMetadata.From(response, response.RequestMessage?.RequestUri ?? url, what);
    }

    /// <summary>
    /// GET a file's content from <paramref name="offset"/> on (Range), following redirects with the
    /// token only where <see cref="MayReceiveToken"/> allows; the caller disposes the response and
    /// checks whether the range was honoured (206) or ignored (200).
    /// </summary>
    public Task<HttpResponseMessage> GetContentAsync(Uri url, long offset, string what, CancellationToken ct = default, TimeSpan? timeout = null) =>
        SendCheckedAsync(HttpMethod.Get, url, null, what, ct, accept: "*/*", timeout: timeout,
            prepare: offset > 0 ? request => request.Headers.Range = new RangeHeaderValue(offset, null) : null);
}
