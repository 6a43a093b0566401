using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Not part of the Hub: POST /__fakehub/... lets a test that runs the emulator as a program (Pester)
/// do what in-process tests do through the API. Outside rate limits and injected faults.
///   inject?status=503&amp;status=502   queue statuses for the next requests
///   stall?method=HEAD&amp;seconds=4       the next file request (/resolve/) with that method waits 4 s
///   rate-limit?force=N                 the next N requests answer 429
///   stage?space=owner/demo&amp;stage=SLEEPING[&amp;message=...]
///   gradio-host?space=owner/demo&amp;url=http://127.0.0.1:7860/
///   multipart?threshold=N&amp;chunk=M      LFS uploads above N bytes go in parts of M bytes (threshold=0 and no chunk: never)
///   space?space=owner/demo             answers what the Space holds: hardware, storage, privacy, secrets (with values), variables
/// </summary>
internal static class ControlRoutes
{
    public const string Prefix = "__fakehub";

    public static Task HandleAsync(HubCall call)
    {
        var ctx = call.Ctx;
        var query = ctx.Request.Query;
        if (!HttpMethods.IsPost(ctx.Request.Method) || call.Segments.Length != 2) return Router.NotFoundAsync(call);
        var options = call.Server.Options;
        try
        {
            switch (call.Segments[1])
            {
                case "inject":
                    var statuses = query["status"].Select(s => int.Parse(s ?? "", NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
                    lock (options.InjectStatuses) statuses.ForEach(options.InjectStatuses.Enqueue);
                    break;
                case "stall":
                    var delay = TimeSpan.FromSeconds(int.Parse(query["seconds"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture));
                    lock (options.InjectStalls) options.InjectStalls.Enqueue((query["method"].ToString(), delay));
                    break;
                case "rate-limit":
                    options.RateLimit.ForceNext(int.Parse(query["force"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture));
                    break;
                case "stage":
                    var space = call.Catalogue.Space(query["space"].ToString());
                    var message = query["message"].ToString();
                    lock (call.Catalogue.Gate) SpaceLifecycle.Set(space, query["stage"].ToString(), message.Length > 0 ? message : null);
                    break;
                case "gradio-host":
                    var target = call.Catalogue.Space(query["space"].ToString());
                    var url = new Uri(query["url"].ToString(), UriKind.Absolute);
                    lock (call.Catalogue.Gate) target.Host = url;
                    break;
                case "multipart":
                    var threshold = long.Parse(query["threshold"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
                    options.MultipartThreshold = threshold > 0 ? threshold : null;
                    if (query["chunk"].Count > 0) options.MultipartChunkSize = long.Parse(query["chunk"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "space":
                    return Http.Json(ctx, SpaceState(call, call.Catalogue.Space(query["space"].ToString())));
                default:
                    return Router.NotFoundAsync(call);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or UriFormatException)
        {
            return Http.Error(ctx, StatusCodes.Status400BadRequest, e.Message);
        }
        return Http.Json(ctx, new JsonObject());
    }

    private static JsonObject SpaceState(HubCall call, FakeSpace space)
    {
        static JsonObject Values(System.Collections.Generic.Dictionary<string, FakeSpaceSetting> map) =>
            new(map.Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(p.Key, p.Value.Value)));
        lock (call.Catalogue.Gate)
        {
            return new JsonObject
            {
                ["id"] = space.Id, ["private"] = space.Private, ["hardware"] = space.Hardware, ["storage"] = space.Storage,
                ["sleepTimeSeconds"] = space.SleepTimeSeconds, ["secrets"] = Values(space.Secrets), ["variables"] = Values(space.Variables),
            };
        }
    }
}
