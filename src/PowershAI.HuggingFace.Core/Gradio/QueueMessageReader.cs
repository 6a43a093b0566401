using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// Turns one job's queue messages (docs/gradio-protocol.md §3.3) into <see cref="GradioEvent"/>s, keeping the last full
/// outputs so diffs can be applied. Shared by the queue, "sse" and 3.x WebSocket transports.
/// </summary>
sealed class QueueMessageReader
{
    readonly AppInfo _app;
    readonly EndpointInfo _endpoint;
    readonly bool _diffs;
    JsonArray? _last;

    public QueueMessageReader(AppInfo app, EndpointInfo endpoint, bool diffs)
    {
        _app = app;
        _endpoint = endpoint;
        _diffs = diffs;
    }

    /// <summary>The event for a message, or null for messages a caller does not see (handshakes).</summary>
    [MethodImpl(PerEvent.Compile)]
    public GradioEvent? Translate(QueueMessage msg) => msg.Whole is { } whole ? Translate(whole) : Generating(msg.Data);

    /// <summary><see cref="Translate(QueueMessage)"/> of a message read whole.</summary>
    public GradioEvent? Translate(JsonObject msg)
    {
        var kind = msg["msg"]?.ToString();
        switch (kind)
        {
            case "estimation":
                return new GradioEvent(GradioEventKind.Estimation)
                {
                    Rank = Int(msg["rank"]),
                    QueueSize = Int(msg["queue_size"]),
                    Eta = Double(msg["rank_eta"]) ?? Double(msg["queue_eta"]),
                };
            case "process_starts":
                return new GradioEvent(GradioEventKind.Started) { Eta = Double(msg["eta"]) };
            case "progress":
                return new GradioEvent(GradioEventKind.Progress)
                {
                    Progress = (msg["progress_data"] as JsonArray)?.OfType<JsonObject>().Select(p => new ProgressUnit
                    {
                        Index = Int(p["index"]),
                        Length = Int(p["length"]),
                        Unit = p["unit"]?.ToString(),
                        Progress = Double(p["progress"]),
                        Description = p["desc"]?.ToString(),
                    }).ToArray() ?? Array.Empty<ProgressUnit>(),
                };
            case "log":
                return new GradioEvent(GradioEventKind.Log) { Message = msg["log"]?.ToString(), Level = msg["level"]?.ToString() ?? "info", Title = msg["title"]?.ToString() };
            case "heartbeat":
                return new GradioEvent(GradioEventKind.Heartbeat);
            case "process_generating" or "process_streaming":
                // An update read whole (an unusual shape) has its diffs read from their text too.
                var data = msg["output"]?["data"];
                return InDiffs ? Generating(data == null ? null : Encoding.UTF8.GetBytes(data.ToJsonString())) : Generating(Full(data));
            case "process_completed":
                return Completed(msg);
            case "unexpected_error" or "server_stopped":
                return new GradioEvent(GradioEventKind.Error)
                {
                    Message = msg["message"]?.ToString() ?? "The server stopped unexpectedly.",
                    ServerFailure = true,
                };
            case "queue_full":
                throw new GradioException(GradioErrorKind.QueueFull, $"The queue of {_app.Root} is full; try again later.", target: _endpoint.ApiName);
            default:
                return null;
        }
    }

    /// <summary>
    /// Full values on the first update (and always before sse_v2), diffs after. The values are
    /// shared with the event rather than copied: readers only read them, and <see cref="DiffApplier"/>
    /// leaves the previous values as they were (copying one only when an edit changes it).
    /// </summary>
    [MethodImpl(PerEvent.Compile)]
    GradioEvent Generating(byte[]? data) =>
        Generating(InDiffs ? _last = DiffApplier.ApplyAll(_last!, data ?? NoEdits) : Full(data == null ? null : JsonNode.Parse(data)));

    [MethodImpl(PerEvent.Compile)]
    GradioEvent Generating(JsonArray outputs) => new(GradioEventKind.Generating) { Data = _endpoint.VisibleOutputs(outputs) };

    bool InDiffs => _diffs && _last != null;

    static readonly byte[] NoEdits = Encoding.UTF8.GetBytes("[]");

    JsonArray Full(JsonNode? data) => _last = data as JsonArray ?? new JsonArray();

    GradioEvent Completed(JsonObject msg)
    {
        var output = msg["output"] as JsonObject;
        var success = msg["success"] is JsonValue s && s.TryGetValue<bool>(out var ok) ? ok : output?["error"] == null;
        if (success)
        {
            // A cancelled job ends with success and no data (docs/gradio-protocol.md §3.3).
            if (output?["data"] is not JsonArray data) return new GradioEvent(GradioEventKind.Complete) { Cancelled = true };
            return new GradioEvent(GradioEventKind.Complete) { Data = _endpoint.VisibleOutputs(data) };
        }
        return new GradioEvent(GradioEventKind.Error)
        {
            Message = ErrorText(output?["error"], _app.Config != null && _app.Version.Major < 5),
            Title = output?["title"]?.ToString() ?? msg["title"]?.ToString(),
        };
    }

    /// <summary>
    /// gr.Error's text. Before 5.0 Gradio sends repr() of the message ("'text'"), so the quotes
    /// and escapes Python added are taken off.
    /// </summary>
    internal static string? ErrorText(JsonNode? error, bool pythonRepr)
    {
        if (error is JsonObject o) error = o["error"];
        if (error is not JsonValue v || !v.TryGetValue<string>(out var text)) return error?.ToJsonString();
        if (pythonRepr && text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[text.Length - 1] == text[0])
            text = Unescape(text.Substring(1, text.Length - 2));
        return text;
    }

    /// <summary>Undoes Python's str repr escapes in one left-to-right pass; an unknown escape is kept as written.</summary>
    static string Unescape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            var next = s[++i];
            switch (next)
            {
                case '\\' or '\'' or '"': sb.Append(next); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 < s.Length && int.TryParse(s.Substring(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    sb.Append((char)code);
                    i += 2;
                    break;
                default: sb.Append('\\').Append(next); break;
            }
        }
        return sb.ToString();
    }

    static int? Int(JsonNode? n) => n is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : null;

    static double? Double(JsonNode? n) => n is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
