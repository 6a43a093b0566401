using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>One event: a call of a dependency for a session, wherever it came from (queue, /call, /run, WebSocket).</summary>
internal sealed class Job
{
    public required string EventId { get; init; }
    public required string SessionHash { get; init; }
    public required Dependency Fn { get; init; }
    /// <summary>The inputs; null until send_data is answered (3.x WebSocket, 4.0 sse).</summary>
    public JsonArray? Data { get; set; }
    /// <summary>Where messages go; null for /run, which answers synchronously.</summary>
    public Mailbox? Mailbox { get; init; }
    /// <summary>/call: full values instead of diffs.</summary>
    public bool SimpleFormat { get; init; }
    /// <summary>The public root of the request that created the job; file URLs are built from it.</summary>
    public required string Root { get; init; }
    /// <summary>Set when inputs arrive only after the server asks with send_data.</summary>
    public TaskCompletionSource<JsonArray>? DataSource { get; init; }
    public CancellationTokenSource Cancellation { get; } = new();
    /// <summary>Cancelled by /cancel or /reset (a synthetic completion is due), not by a dropped stream.</summary>
    public bool CancelledByUser { get; set; }

    public void Post(JsonObject message) => Mailbox?.Post(EventId, message);
}
