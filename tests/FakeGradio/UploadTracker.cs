using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Upload progress (4.10+): the messages of each upload_id, for GET {prefix}/upload_progress.</summary>
internal sealed class UploadTracker
{
    /// <summary>How long upload_progress waits for an id to appear before answering 404, as Gradio does.</summary>
    private static readonly TimeSpan TrackWait = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, Channel<JsonObject>> _uploads = new();

    public void Update(string uploadId, string origName, long chunkSize) =>
        Track(uploadId).Writer.TryWrite(new JsonObject { ["msg"] = "update", ["orig_name"] = origName, ["chunk_size"] = chunkSize });

    public void Done(string uploadId) => Track(uploadId).Writer.TryWrite(new JsonObject { ["msg"] = "done" });

    /// <summary>The messages of an upload, or null when it was not seen within the wait.</summary>
    public async Task<ChannelReader<JsonObject>?> WaitAsync(string uploadId)
    {
        var deadline = DateTime.UtcNow + TrackWait;
        while (DateTime.UtcNow < deadline)
        {
            if (_uploads.TryGetValue(uploadId, out var channel)) return channel.Reader;
            await Task.Delay(50);
        }
        return null;
    }

    private Channel<JsonObject> Track(string uploadId) => _uploads.GetOrAdd(uploadId, _ => Channel.CreateUnbounded<JsonObject>());
}
