using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>The file outputs of a call's final result, downloaded: each FileData becomes the FileInfo of its local copy.</summary>
static class CallFiles
{
    const int DownloadActivity = 7;

    public static async Task<object?> DownloadAsync(GradioClient client, GradioSession session, GradioEvent e, string folder, ICallOutput output, CancellationToken ct)
    {
        if (e.Kind != GradioEventKind.Complete || e.Data == null || !FileData.FindAll(e.Data).Any()) return PSJson.ToPS(e.Data);
        var activity = "Downloading from " + session.Name;
        var progress = new ThrottledProgress<TransferProgress>(p => output.Progress(Progress.Transfer(DownloadActivity, activity, p)));
        var saved = new Dictionary<JsonObject, System.IO.FileInfo>();
        foreach (var file in FileData.FindAll(e.Data))
            saved[file] = await GradioFiles.DownloadAsync(client, session.App, file, folder, progress, ct).ConfigureAwait(false);
        output.Progress(Progress.Completed(DownloadActivity, activity));
        return PSJson.ToPS(e.Data, o => saved.TryGetValue(o, out var f) ? f : null);
    }
}
