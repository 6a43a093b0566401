using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The throughput app of bench/workloads ("stream:N"): /count(events) yields 0..events-1 (N when
/// events is null) with no step delay, so
/// a client's event path is measured rather than the server's pacing; /sized_file returns a file
/// of the asked size (made sparse, once per size), so a download is measured rather than its making.
/// </summary>
internal sealed partial class FakeApp
{
    const int DefaultStreamEvents = 100_000;
    const int MaxStreamEvents = 10_000_000;
    const long MaxSizedFile = 16L << 30;

    private static FakeApp Stream(int events)
    {
        var app = new FakeApp("stream-app");
        app.AddEvent("count", [app.Add(ComponentKind.Number, "Events", events)], [app.Add(ComponentKind.Number, "Count")], app.Add(ComponentKind.Button, "count"),
            (job, args) => CountTo(args[0] is null ? events : (int)Math.Clamp(Number(args[0]!).Real, 0, MaxStreamEvents)), ["events"], generator: true);
        app.AddEvent("sized_file", [app.Add(ComponentKind.Number, "Bytes", 1024)], [app.Add(ComponentKind.File, "File")],
            app.Add(ComponentKind.Button, "file"), SizedFile, ["bytes"]);
        app.Layout = new JsonObject
        {
            ["id"] = 0,
            ["children"] = new JsonArray(app._components.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id }).ToArray()),
        };
        return app;
    }

    private static async IAsyncEnumerable<JsonNode?[]> CountTo(int events)
    {
        await Task.CompletedTask;
        for (var i = 0; i < events; i++) yield return [i];
    }

    private static async IAsyncEnumerable<JsonNode?[]> SizedFile(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        var bytes = args[0] is null ? 0L : (long)Number(args[0]!).Real;
        if (bytes < 0 || bytes > MaxSizedFile) throw new InvalidOperationException($"bytes must be 0 to {MaxSizedFile}");
        var folder = Path.Combine(job.Files.Directory, "sized");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"zeros-{bytes}.bin");
        if (!File.Exists(path))
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.SetLength(bytes);
        }
        yield return [path];
    }
}
