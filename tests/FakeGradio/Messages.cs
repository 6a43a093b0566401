using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Queue messages (docs/gradio-protocol.md §3.3) in the exact field order of the profile's server_messages:
/// 3.x has no event_id, 4.0–4.12 carry the old estimation fields, 5.x adds titles, time_limit and
/// event_id:null on stream-level messages.
/// </summary>
internal sealed class Messages(Profile profile)
{
    public JsonObject Estimation(string eventId, int rank, int queueSize, double? rankEta)
    {
        var msg = Start("estimation", eventId);
        msg["rank"] = rank;
        msg["queue_size"] = queueSize;
        if (profile.OldEstimationFields)
        {
            msg["avg_event_process_time"] = rankEta;
            msg["avg_event_concurrent_process_time"] = rankEta;
        }
        msg["rank_eta"] = rankEta;
        if (profile.OldEstimationFields) msg["queue_eta"] = rankEta ?? 0;
        return msg;
    }

    /// <summary>{prefix}/queue/status: the queue as a whole.</summary>
    public JsonObject QueueStatus(int queueSize)
    {
        var msg = Estimation("", 0, queueSize, null);
        msg.Remove("event_id");
        if (profile.Titles) msg.Insert(1, "event_id", null);
        msg["rank"] = null;
        return msg;
    }

    public JsonObject ProcessStarts(string eventId, double? eta)
    {
        var msg = Start("process_starts", eventId);
        if (!profile.IsV3) msg["eta"] = eta;
        return msg;
    }

    public JsonObject Progress(string eventId, int index, int length, string unit, string desc)
    {
        var msg = Start("progress", eventId);
        msg["progress_data"] = new JsonArray(new JsonObject
        {
            ["index"] = index, ["length"] = length, ["unit"] = unit, ["progress"] = null, ["desc"] = desc,
        });
        return msg;
    }

    public JsonObject Log(string eventId, string level, string text)
    {
        var msg = Start("log", eventId);
        msg["log"] = text;
        msg["level"] = level;
        if (profile.LogDuration)
        {
            msg["duration"] = 10;
            msg["visible"] = true;
        }
        if (profile.Titles) msg["title"] = "";
        return msg;
    }

    public JsonObject Generating(string eventId, JsonObject output)
    {
        var msg = Start("process_generating", eventId);
        msg["output"] = output;
        msg["success"] = true;
        if (profile.Titles) msg["time_limit"] = null;
        return msg;
    }

    public JsonObject Completed(string eventId, JsonObject output, bool success)
    {
        var msg = Start("process_completed", eventId);
        msg["output"] = output;
        msg["success"] = success;
        if (profile.Titles) msg["title"] = success ? null : "Error";
        return msg;
    }

    /// <summary>What /cancel pushes for a pending event so clients finish: success with no data.</summary>
    public JsonObject Cancelled(string eventId) => Completed(eventId, new JsonObject(), success: true);

    /// <summary>The processing result carried by generating/completed messages and returned by /run.</summary>
    public JsonObject Output(JsonArray data, bool generating, double duration, double averageDuration)
    {
        var output = new JsonObject
        {
            ["data"] = data, ["is_generating"] = generating, ["duration"] = duration, ["average_duration"] = averageDuration,
        };
        if (profile.RenderFields)
        {
            output["render_config"] = null;
            output["changed_state_ids"] = new JsonArray();
        }
        return output;
    }

    /// <summary>utils.error_payload: the message only for gr.Error or show_error; 4.x repr()s gr.Error messages.</summary>
    public JsonObject ErrorPayload(System.Exception error, bool showError)
    {
        if (error is not GradioError && !showError) return new JsonObject { ["error"] = null };
        var payload = new JsonObject
        {
            ["error"] = error is GradioError && profile.ReprErrors ? PyJson.Repr(error.Message) : error.Message,
        };
        if (error is GradioError && profile.LogDuration)
        {
            payload["duration"] = 10;
            payload["visible"] = true;
            if (profile.Titles) payload["title"] = "Error";
        }
        return payload;
    }

    public JsonObject Heartbeat() => StreamLevel("heartbeat");

    public JsonObject CloseStream() => StreamLevel("close_stream");

    public JsonObject UnexpectedError(string message)
    {
        var msg = StreamLevel("unexpected_error");
        msg["message"] = message;
        msg["success"] = false;
        return msg;
    }

    public JsonObject SendHash() => new() { ["msg"] = "send_hash" };

    public JsonObject SendData(string eventId) => Start("send_data", eventId);

    public JsonObject QueueFull(string eventId) => Start("queue_full", eventId);

    private JsonObject Start(string type, string eventId)
    {
        var msg = new JsonObject { ["msg"] = type };
        if (!profile.IsV3) msg["event_id"] = eventId;
        return msg;
    }

    private JsonObject StreamLevel(string type)
    {
        var msg = new JsonObject { ["msg"] = type };
        if (profile.Titles) msg["event_id"] = null;
        return msg;
    }
}
