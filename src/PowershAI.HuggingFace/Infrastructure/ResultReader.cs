using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Reads a call's events and writes one object per result event (generating, complete, error,
/// heartbeat) to an <see cref="ICallOutput"/>: a cmdlet's streams in the foreground, a job's with
/// -AsJob, so both give the same objects. Queue position and gr.Progress become progress
/// records, gr.Info information and gr.Warning warnings. An app error (gr.Error) ends the read
/// with a failure carrying the app's text, and marks the call "error"; a cancelled read marks it
/// "cancelled" and cancels the job on the server. Stops after -MaxHeartBeats heartbeats in a
/// row (resumable). With <see cref="ResultOnly"/> it writes only the final outputs, unwrapped.
/// </summary>
sealed class ResultReader
{
    const int ProgressActivity = 2;

    public int? MaxHeartBeats { get; set; }
    public bool NoOutput { get; set; }
    public bool History { get; set; }

    /// <summary>Called after each result is recorded (Update-GradioApiResult -Script posts it to the pipeline thread).</summary>
    public Action<GradioApiEventResult>? Each { get; set; }

    /// <summary>Leave heartbeats out of the output (generated functions do).</summary>
    public bool SkipHeartbeats { get; set; }

    /// <summary>Write only the call's final outputs, unwrapped (<see cref="FinalResult"/>), as gradio_client's predict returns them.</summary>
    public bool ResultOnly { get; set; }

    /// <summary>Makes the final result's data instead of the plain conversion (to download file outputs, say); other results are converted plainly.</summary>
    public Func<GradioEvent, ICallOutput, CancellationToken, Task<object?>>? MapData { get; set; }

    /// <summary>Adds to each result before it is written (the upstream pipeline, say).</summary>
    public Action<GradioApiEventResult>? Decorate { get; set; }

    /// <summary>Reads in the foreground: writes go to <paramref name="cmdlet"/>'s streams; Ctrl+C cancels the job.</summary>
    public void Read(AsyncCmdlet cmdlet, GradioApiEvent handle) => cmdlet.Await(ct => ReadAsync(handle, cmdlet.Output, ct));

    public async Task<bool> ReadAsync(GradioApiEvent handle, ICallOutput output, CancellationToken ct)
    {
        var job = handle.Job;
        if (job.Finished && handle.LastQueryStatus is "complete" or "error" or "cancelled")
        {
            output.Warning($"The call {handle.EventId} to {handle.ApiName} has already ended ({handle.Status}).");
            return false;
        }
        handle.LastQueryStatus = "running";
        var activity = $"Gradio {handle.ApiName}";
        var heartbeats = 0;
        object? last = null;
        using var reading = job.BeginReading();
        try
        {
            while (true)
            {
                var e = await job.ReadAsync(ct).ConfigureAwait(false);
                if (e == null) break;
                if (!IsResult(e.Kind))
                {
                    Report(output, e, activity);
                    continue;
                }
                // An app's error ends the call as a failure; it is never written as a result.
                if (e.Kind == GradioEventKind.Error) throw ErrorMapping.AppError(e.Message, e.Title, handle.ApiName);
                if (e.Cancelled)
                {
                    End(handle, "cancelled", null);
                    output.Warning($"The call {handle.EventId} to {handle.ApiName} was cancelled.");
                    break;
                }
                var data = MapData != null && e.Kind == GradioEventKind.Complete ? await MapData(e, output, ct).ConfigureAwait(false) : PSJson.ToPS(e.Data);
                var result = new GradioApiEventResult(++handle.LastEventNum, Name(e.Kind), data);
                Decorate?.Invoke(result);
                var heartbeat = e.Kind == GradioEventKind.Heartbeat;
                if (!NoOutput && !ResultOnly && !(heartbeat && SkipHeartbeats))
                {
                    output.Result(result);
                    await output.RoomAsync(ct).ConfigureAwait(false);
                }
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
                    // A generator's last event may carry no data; its result is then the last it yielded.
                    if (data != null) last = data;
                }
                if (History)
                {
                    handle.Events.Add(result);
                    if (result.Data != null) handle.Data.Add(result.Data);
                }
                handle.Status = result.Event;
                if (Each != null)
                {
                    Each(result);
                    await output.RoomAsync(ct).ConfigureAwait(false);
                }
                if (e.IsTerminal)
                {
                    End(handle, "complete", null);
                    if (ResultOnly && !NoOutput) FinalResult.Write(output, handle.Job.Endpoint, last);
                    break;
                }
            }
            return handle.LastQueryStatus == "complete";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C, Select-Object -First downstream, Stop-Job: the reader wants no more, so the server can stop too.
            if (!job.Finished)
            {
                await job.CancelAsync().ConfigureAwait(false);
                End(handle, "cancelled", null);
            }
            throw;
        }
        catch (Exception ex)
        {
            End(handle, "error", ex.Message);
            throw;
        }
        finally
        {
            output.Progress(Progress.Completed(ProgressActivity, activity));
        }
    }

    static void End(GradioApiEvent handle, string status, string? error)
    {
        handle.Status = status;
        handle.LastQueryStatus = status;
        if (error != null) handle.Error = error;
    }

    static void Report(ICallOutput output, GradioEvent e, string activity)
    {
        switch (e.Kind)
        {
            case GradioEventKind.Estimation:
                var where = e.Rank is int rank ? $"In queue: position {rank + 1}" + (e.QueueSize is int size ? $" of {size}" : "") : "In queue";
                var record = new ProgressRecord(ProgressActivity, activity, where);
                if (e.Eta is double eta && eta >= 0) record.SecondsRemaining = (int)Math.Ceiling(eta);
                output.Progress(record);
                break;
            case GradioEventKind.Started:
                output.Progress(new ProgressRecord(ProgressActivity, activity, "Running"));
                break;
            case GradioEventKind.Progress:
                var unit = e.Progress?.LastOrDefault();
                var status = unit?.Description is { Length: > 0 } d ? ServerText.Printable(d) : unit?.Index is int i && unit.Length is int n ? $"{i}/{n} {unit.Unit}" : "Running";
                var bar = new ProgressRecord(ProgressActivity, activity, status);
                if (unit?.Progress is double p) bar.PercentComplete = (int)Math.Max(0, Math.Min(100, p * 100));
                else if (unit?.Index is int idx && unit.Length is int len && len > 0) bar.PercentComplete = Math.Min(100, idx * 100 / len);
                output.Progress(bar);
                break;
            case GradioEventKind.Log:
                var text = ServerText.Printable(e.Message ?? "");
                if (string.Equals(e.Level, "warning", StringComparison.OrdinalIgnoreCase)) output.Warning(text);
                else output.Information(text, new[] { "Gradio", e.Level ?? "info" });
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
