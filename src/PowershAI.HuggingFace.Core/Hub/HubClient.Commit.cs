using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;

namespace PowershAI.HuggingFace.Core.Hub;

public sealed partial class HubClient
{
    const int PreuploadBatch = 256;
    const string LfsJson = "application/vnd.git-lfs+json";

    /// <summary>
    /// Uploads files in one commit (docs/hub-api.md §1.10): preupload sorts them into regular and LFS
    /// and names what the repo already has; files whose content is already at their path are left
    /// out; LFS content goes through the batch API to the URL it gives (never with the token to
    /// another host); then one NDJSON commit. Nothing to send means no commit at all.
    /// </summary>
    public async Task<HubCommitResult> UploadAsync(HubRepoType type, string id, string? revision, IReadOnlyList<HubUploadFile> files, string summary, IProgress<TransferProgress>? progress = null, CancellationToken ct = default)
    {
        revision ??= "main";
        var what = $"Uploading to {Noun(type)} {id}";
        var lfs = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = new List<string>();
        for (var start = 0; start < files.Count; start += PreuploadBatch)
        {
            var batch = files.Skip(start).Take(PreuploadBatch).ToList();
            var body = new JsonObject
            {
                ["files"] = new JsonArray(batch.Select(f => (JsonNode)new JsonObject
                {
                    ["path"] = f.RepoPath,
                    ["sample"] = Convert.ToBase64String(f.Sample),
                    ["size"] = f.Size,
                }).ToArray()),
            };
            var answer = await ReadJsonAsync(HttpMethod.Post, Url(RepoPath.Api(type, id) + "/preupload/" + RepoPath.Revision(revision)), () => Json(body), what + " (preupload)", ct).ConfigureAwait(false);
            foreach (var entry in (answer?["files"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            {
                var path = entry["path"]?.GetValue<string>();
                var file = batch.FirstOrDefault(f => f.RepoPath == path);
                if (file == null) continue;
                var isLfs = entry["uploadMode"]?.GetValue<string>() == "lfs";
                var remote = entry["oid"]?.GetValue<string>();
                if (entry["shouldIgnore"]?.GetValue<bool>() == true || remote == (isLfs ? file.Sha256 : file.GitSha1)) unchanged.Add(file.RepoPath);
                else if (isLfs) lfs.Add(file.RepoPath);
            }
        }
        var toSend = files.Where(f => !unchanged.Contains(f.RepoPath)).ToList();
        if (toSend.Count == 0) return new HubCommitResult(null, null, Array.Empty<string>(), unchanged);

        await UploadLfsAsync(type, id, revision, toSend.Where(f => lfs.Contains(f.RepoPath)).ToList(), progress, ct).ConfigureAwait(false);

        var ndjson = new StringBuilder();
        ndjson.Append(new JsonObject { ["key"] = "header", ["value"] = new JsonObject { ["summary"] = summary, ["description"] = "" } }.ToJsonString()).Append('\n');
        foreach (var f in toSend)
        {
            var value = lfs.Contains(f.RepoPath)
                ? new JsonObject { ["key"] = "lfsFile", ["value"] = new JsonObject { ["path"] = f.RepoPath, ["algo"] = "sha256", ["oid"] = f.Sha256, ["size"] = f.Size } }
                : new JsonObject { ["key"] = "file", ["value"] = new JsonObject { ["path"] = f.RepoPath, ["content"] = Convert.ToBase64String(File.ReadAllBytes(f.LocalPath)), ["encoding"] = "base64" } };
            ndjson.Append(value.ToJsonString()).Append('\n');
        }
        var text = ndjson.ToString();
        var commit = await ReadJsonAsync(HttpMethod.Post, Url(RepoPath.Api(type, id) + "/commit/" + RepoPath.Revision(revision)),
            () => new StringContent(text, Encoding.UTF8, "application/x-ndjson"), what + " (commit)", ct).ConfigureAwait(false);
        return new HubCommitResult(commit?["commitOid"]?.GetValue<string>(), commit?["commitUrl"]?.GetValue<string>(), toSend.Select(f => f.RepoPath).ToList(), unchanged);
    }

    /// <summary>
    /// The LFS batch API: one request for all objects, then for each the Hub does not have yet a PUT
    /// (or, when the action names a chunk_size, one PUT per part and a completion) and a verify.
    /// </summary>
    async Task UploadLfsAsync(HubRepoType type, string id, string revision, IReadOnlyList<HubUploadFile> files, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        if (files.Count == 0) return;
        var gitUrl = Url(RepoPath.Web(type, id) + ".git/info/lfs/objects/batch");
        var body = new JsonObject
        {
            ["operation"] = "upload",
            ["transfers"] = new JsonArray("basic"),
            ["objects"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["oid"] = f.Sha256, ["size"] = f.Size }).ToArray()),
            ["hash_algo"] = "sha256",
            ["ref"] = new JsonObject { ["name"] = revision },
        };
        var what = $"Uploading the LFS files of {id}";
        JsonNode? answer;
        using (var response = await SendCheckedAsync(HttpMethod.Post, gitUrl, () => new StringContent(body.ToJsonString(), Encoding.UTF8, LfsJson), what + " (batch)", ct, accept: LfsJson).ConfigureAwait(false))
            answer = await ReadJsonBodyAsync(response, what, gitUrl, Options.Timeout, ct).ConfigureAwait(false);
        foreach (var o in (answer?["objects"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var file = files.FirstOrDefault(f => f.Sha256 == o["oid"]?.GetValue<string>());
            if (file == null) continue;
            if (o["error"] is JsonObject error)
                throw new HubException(HubErrorKind.HttpError, $"{what}: the Hub refused {file.RepoPath}: {error["message"]}.") { RepoId = id };
            // No upload action: the Hub has this content already.
            if (o["actions"] is not JsonObject actions || actions["upload"] is not JsonObject upload) continue;
            var headers = upload["header"] as JsonObject;
            if (upload["href"]?.GetValue<string>() is not { } uploadHref || !Uri.TryCreate(uploadHref, UriKind.Absolute, out var href))
                throw new HubException(HubErrorKind.MalformedResponse, $"{what}: the upload action of {file.RepoPath} has no URL.") { RepoId = id };
            if (LfsMultipart.IsMultipart(headers))
            {
                await UploadPartsAsync(file, href, LfsMultipart.Plan(headers!, file.Size, $"{what} ({file.RepoPath})"), progress, ct).ConfigureAwait(false);
            }
            else
            {
                using (await SendCheckedAsync(HttpMethod.Put, href, () => Content(file, progress), $"Uploading {file.RepoPath}", ct, accept: "*/*",
                           timeout: UploadTimeout, prepare: request => AddHeaders(request, headers)).ConfigureAwait(false))
                {
                }
            }
            if (actions["verify"] is JsonObject verify && verify["href"]?.GetValue<string>() is { } verifyHref)
            {
                var check = new JsonObject { ["oid"] = file.Sha256, ["size"] = file.Size };
                using (await SendCheckedAsync(HttpMethod.Post, new Uri(verifyHref), () => new StringContent(check.ToJsonString(), Encoding.UTF8, LfsJson), $"Verifying {file.RepoPath}", ct, accept: LfsJson).ConfigureAwait(false))
                {
                }
            }
        }
    }

    /// <summary>A storage PUT may carry a whole file (or part): ten times the per-answer timeout.</summary>
    TimeSpan UploadTimeout => TimeSpan.FromTicks(Options.Timeout.Ticks * 10);

    /// <summary>
    /// A multipart upload: each part PUT from its slice of the file to its own storage URL (which gets
    /// no token: another host), the ETag of each answer kept, then the list POSTed to the action's href.
    /// </summary>
    async Task UploadPartsAsync(HubUploadFile file, Uri complete, IReadOnlyList<LfsPart> parts, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var etags = new JsonArray();
        foreach (var part in parts)
        {
            var what = $"Uploading {file.RepoPath} (part {part.Number} of {parts.Count})";
            using var response = await SendCheckedAsync(HttpMethod.Put, part.Url, () => Content(file, progress, part), what, ct, accept: "*/*", timeout: UploadTimeout).ConfigureAwait(false);
            var etag = response.Headers.ETag?.ToString() ?? (response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null);
            if (string.IsNullOrEmpty(etag))
                throw new HubException(HubErrorKind.MalformedResponse, $"{what}: the storage answer has no ETag, which completing the upload needs.") { Url = part.Url.GetLeftPart(UriPartial.Path) };
            etags.Add(new JsonObject { ["partNumber"] = part.Number, ["etag"] = etag });
        }
        var body = new JsonObject { ["oid"] = file.Sha256, ["parts"] = etags };
        using (await SendCheckedAsync(HttpMethod.Post, complete, () => new StringContent(body.ToJsonString(), Encoding.UTF8, LfsJson), $"Completing the upload of {file.RepoPath}", ct, accept: LfsJson).ConfigureAwait(false))
        {
        }
    }

    /// <summary>The file, or one part of it, streamed from disk; progress counts bytes of the whole file.</summary>
    static HttpContent Content(HubUploadFile file, IProgress<TransferProgress>? progress, LfsPart? part = null)
    {
        Stream stream = part == null
            ? new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : new FileSliceStream(file.LocalPath, part.Offset, part.Length);
        var before = part?.Offset ?? 0;
        if (progress != null) stream = new ProgressStream(stream, done => progress.Report(new TransferProgress(file.RepoPath, before + done, file.Size)));
        var content = new StreamContent(stream, 81920);
        content.Headers.ContentLength = part?.Length ?? file.Size;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>The headers an LFS action asks for (a signed URL may want some).</summary>
    static void AddHeaders(HttpRequestMessage request, JsonObject? headers)
    {
        foreach (var pair in headers ?? new JsonObject())
            if (pair.Value?.ToString() is { } value) request.Headers.TryAddWithoutValidation(pair.Key, value);
    }
}
