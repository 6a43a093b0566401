using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Update-GradioApiResult: reads a call's events and writes one object per result event
/// (generating, complete, error, heartbeat). Queue position and gr.Progress become progress
/// bars, gr.Info becomes information and gr.Warning a warning; a failure of the app is also
/// written as an error. Stopped reads (-MaxHeartBeats) can be resumed; Ctrl+C cancels the job.
/// </summary>
[Cmdlet(VerbsData.Update, "GradioApiResult")]
[OutputType(typeof(GradioApiEventResult))]
public sealed class UpdateGradioApiResultCommand : AsyncCmdlet
{
    const int ProgressActivity = 2;

    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    public GradioApiEvent ApiEvent { get; set; } = null!;

    /// <summary>Called for each result event with @{ event = <result>; ApiEvent = <handle> }.</summary>
    [Parameter]
    public ScriptBlock? Script { get; set; }

    /// <summary>Stop after this many heartbeats in a row (about 15 s each); a later call resumes.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxHeartBeats { get; set; }

    /// <summary>Write nothing to the pipeline (use with -History or -Script).</summary>
    [Parameter]
    public SwitchParameter NoOutput { get; set; }

    /// <summary>Keep every event in the handle's Events and their data in its Data.</summary>
    [Parameter]
    public SwitchParameter History { get; set; }

    protected override void ProcessRecord()
    {
        var handle = ApiEvent;
        var job = handle.Job;
        if (job.Finished && handle.LastQueryStatus == "complete")
        {
            WriteWarning($"The call {handle.EventId} to {handle.ApiName} has already completed.");
            return;
        }
        handle.LastQueryStatus = "running";
        var activity = $"Gradio {handle.ApiName}";
        var heartbeats = 0;
        var completed = false;
        try
        {
            while (true)
            {
                var e = Await(ct => job.ReadAsync(ct));
                if (e == null) break;
                if (!IsResult(e.Kind))
                {
                    Report(e, activity);
                    continue;
                }
                var result = new GradioApiEventResult(++handle.LastEventNum, Name(e.Kind), e.Kind == GradioEventKind.Error ? e.Message : PSJson.ToPS(e.Data));
                if (!NoOutput) WriteObject(result);
                if (e.Kind == GradioEventKind.Heartbeat && MaxHeartBeats is int max)
                {
                    if (++heartbeats >= max)
                    {
                        handle.LastQueryStatus = "HeartBeatExpired";
                        break;
                    }
                    continue;
                }
                heartbeats = 0;
                if (History)
                {
                    handle.Events.Add(result);
                    if (result.Data != null) handle.Data.Add(result.Data);
                }
                handle.Status = result.Event;
                Script?.Invoke(new Hashtable { ["event"] = result, ["ApiEvent"] = handle });
                if (e.IsTerminal)
                {
                    completed = true;
                    Finish(handle, e);
                    break;
                }
            }
        }
        catch (GradioException ex)
        {
            handle.Status = "complete";
            handle.LastQueryStatus = "complete";
            handle.Error = ex.Message;
            WriteFailure(ex, handle.ApiName);
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C, or Select-Object -First downstream: the user wants no more, so the server can stop too.
            if (!completed) CancelQuietly(job);
            throw;
        }
        finally
        {
            WriteProgress(Progress.Completed(ProgressActivity, activity));
        }
    }

    void Finish(GradioApiEvent handle, GradioEvent e)
    {
        handle.Status = "complete";
        handle.LastQueryStatus = "complete";
        if (e.Kind == GradioEventKind.Error)
        {
            handle.Error = e.Message ?? "UnknownError";
            WriteError(ErrorMapping.AppError(e.Message, e.Title, handle.ApiName));
        }
        else if (e.Cancelled)
        {
            WriteWarning($"The call {handle.EventId} to {handle.ApiName} was cancelled.");
        }
    }

    void Report(GradioEvent e, string activity)
    {
        switch (e.Kind)
        {
            case GradioEventKind.Estimation:
                var where = e.Rank is int rank ? $"In queue: position {rank + 1}" + (e.QueueSize is int size ? $" of {size}" : "") : "In queue";
                var record = new ProgressRecord(ProgressActivity, activity, where);
                if (e.Eta is double eta && eta >= 0) record.SecondsRemaining = (int)Math.Ceiling(eta);
                WriteProgress(record);
                break;
            case GradioEventKind.Started:
                WriteProgress(new ProgressRecord(ProgressActivity, activity, "Running"));
                break;
            case GradioEventKind.Progress:
                var unit = e.Progress?.LastOrDefault();
                var status = unit?.Description is { Length: > 0 } d ? d : unit?.Index is int i && unit.Length is int n ? $"{i}/{n} {unit.Unit}" : "Running";
                var bar = new ProgressRecord(ProgressActivity, activity, status);
                if (unit?.Progress is double p) bar.PercentComplete = (int)Math.Max(0, Math.Min(100, p * 100));
                else if (unit?.Index is int idx && unit.Length is int len && len > 0) bar.PercentComplete = Math.Min(100, idx * 100 / len);
                WriteProgress(bar);
                break;
            case GradioEventKind.Log:
                if (string.Equals(e.Level, "warning", StringComparison.OrdinalIgnoreCase)) WriteWarning(e.Message ?? "");
                else WriteInformation(e.Message ?? "", new[] { "Gradio", e.Level ?? "info" });
                break;
        }
    }

    static bool IsResult(GradioEventKind kind) => kind is GradioEventKind.Generating or GradioEventKind.Complete or GradioEventKind.Error or GradioEventKind.Heartbeat;

    static string Name(GradioEventKind kind) => kind switch
    {
        GradioEventKind.Generating => "generating",
        GradioEventKind.Complete => "complete",
        GradioEventKind.Error => "error",
        _ => "heartbeat",
    };

    static void CancelQuietly(GradioJob job) => job.CancelAsync().Wait(TimeSpan.FromSeconds(3));
}
