using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Reads a call's events for a cmdlet and writes one object per result event (generating,
/// complete, error, heartbeat). Queue position and gr.Progress become progress bars, gr.Info
/// information and gr.Warning warnings. An app error (gr.Error) ends the read with a failure
/// carrying the app's text, and marks the call "error"; a stopped pipeline marks it "cancelled".
/// Stops after -MaxHeartBeats heartbeats in a row (resumable); a stopped pipeline cancels the job.
/// </summary>
sealed class ResultReader
{
    const int ProgressActivity = 2;

    public int? MaxHeartBeats { get; set; }
    public bool NoOutput { get; set; }
    public bool History { get; set; }
    public ScriptBlock? Script { get; set; }

    /// <summary>Leave heartbeats out of the output (generated functions do).</summary>
    public bool SkipHeartbeats { get; set; }

    /// <summary>Makes a result's data instead of the plain conversion (to download file outputs, say).</summary>
    public Func<GradioEvent, object?>? MapData { get; set; }

    /// <summary>Adds to each result before it is written (the upstream pipeline, say).</summary>
    public Action<GradioApiEventResult>? Decorate { get; set; }

    public void Read(AsyncCmdlet cmdlet, GradioApiEvent handle)
    {
        var job = handle.Job;
        if (job.Finished && handle.LastQueryStatus is "complete" or "error" or "cancelled")
        {
            cmdlet.WriteWarning($"The call {handle.EventId} to {handle.ApiName} has already ended ({handle.Status}).");
            return;
        }
        handle.LastQueryStatus = "running";
        var activity = $"Gradio {handle.ApiName}";
        var heartbeats = 0;
        try
        {
            while (true)
            {
                var e = cmdlet.Await(ct => job.ReadAsync(ct));
                if (e == null) break;
                if (!IsResult(e.Kind))
                {
                    Report(cmdlet, e, activity);
                    continue;
                }
                // An app's error ends the call as a failure; it is never written as a result.
                if (e.Kind == GradioEventKind.Error) throw ErrorMapping.AppError(e.Message, e.Title, handle.ApiName);
                if (e.Cancelled)
                {
                    End(handle, "cancelled", null);
                    cmdlet.WriteWarning($"The call {handle.EventId} to {handle.ApiName} was cancelled.");
                    break;
                }
                var data = MapData != null ? MapData(e) : PSJson.ToPS(e.Data);
                var result = new GradioApiEventResult(++handle.LastEventNum, Name(e.Kind), data);
                Decorate?.Invoke(result);
                var heartbeat = e.Kind == GradioEventKind.Heartbeat;
                if (!NoOutput && !(heartbeat && SkipHeartbeats)) cmdlet.WriteObject(result);
                if (heartbeat)
                {
                    if (MaxHeartBeats is int max && ++heartbeats >= max)
                    {
                        handle.LastQueryStatus = "HeartBeatExpired";
                        break;
                    }
                    if (MaxHeartBeats != null || SkipHeartbeats) continue;
                }
                else
                {
                    heartbeats = 0;
                }
                if (History)
                {
                    handle.Events.Add(result);
                    if (result.Data != null) handle.Data.Add(result.Data);
                }
                handle.Status = result.Event;
                Script?.Invoke(new Hashtable { ["event"] = result, ["ApiEvent"] = handle });
                if (e.IsTerminal)
                {
                    End(handle, "complete", null);
                    break;
                }
            }
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C, or Select-Object -First downstream: the user wants no more, so the server can stop too.
            if (!job.Finished)
            {
                job.CancelAsync().Wait(TimeSpan.FromSeconds(3));
                End(handle, "cancelled", null);
            }
            throw;
        }
        catch (Exception ex) when (ex is not RuntimeException)
        {
            End(handle, "error", ex.Message);
            throw;
        }
        finally
        {
            cmdlet.WriteProgress(Progress.Completed(ProgressActivity, activity));
        }
    }

    static void End(GradioApiEvent handle, string status, string? error)
    {
        handle.Status = status;
        handle.LastQueryStatus = status;
        if (error != null) handle.Error = error;
    }

    static void Report(Cmdlet cmdlet, GradioEvent e, string activity)
    {
        switch (e.Kind)
        {
            case GradioEventKind.Estimation:
                var where = e.Rank is int rank ? $"In queue: position {rank + 1}" + (e.QueueSize is int size ? $" of {size}" : "") : "In queue";
                var record = new ProgressRecord(ProgressActivity, activity, where);
                if (e.Eta is double eta && eta >= 0) record.SecondsRemaining = (int)Math.Ceiling(eta);
                cmdlet.WriteProgress(record);
                break;
            case GradioEventKind.Started:
                cmdlet.WriteProgress(new ProgressRecord(ProgressActivity, activity, "Running"));
                break;
            case GradioEventKind.Progress:
                var unit = e.Progress?.LastOrDefault();
                var status = unit?.Description is { Length: > 0 } d ? d : unit?.Index is int i && unit.Length is int n ? $"{i}/{n} {unit.Unit}" : "Running";
                var bar = new ProgressRecord(ProgressActivity, activity, status);
                if (unit?.Progress is double p) bar.PercentComplete = (int)Math.Max(0, Math.Min(100, p * 100));
                else if (unit?.Index is int idx && unit.Length is int len && len > 0) bar.PercentComplete = Math.Min(100, idx * 100 / len);
                cmdlet.WriteProgress(bar);
                break;
            case GradioEventKind.Log:
                if (string.Equals(e.Level, "warning", StringComparison.OrdinalIgnoreCase)) cmdlet.WriteWarning(e.Message ?? "");
                else cmdlet.WriteInformation(e.Message ?? "", new[] { "Gradio", e.Level ?? "info" });
                break;
        }
    }

    static bool IsResult(GradioEventKind kind) => kind is GradioEventKind.Generating or GradioEventKind.Complete or GradioEventKind.Error or GradioEventKind.Heartbeat;

    static string Name(GradioEventKind kind) => kind switch
    {
        GradioEventKind.Generating => "generating",
        GradioEventKind.Complete => "complete",
        _ => "heartbeat",
    };
}
