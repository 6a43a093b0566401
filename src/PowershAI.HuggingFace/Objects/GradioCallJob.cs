using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// A call read in the background (-AsJob): a PowerShell job in the session's job repository.
/// Its reader writes to the job's streams (thread-safe collections) what the foreground call
/// writes to the pipeline, so Receive-Job gives the same objects. Its state follows the call:
/// Completed, Failed (the failure as an error record), or Stopped by
/// Stop-Job, which cancels the job on the server.
/// </summary>
public sealed class GradioCallJob : Job
{
    readonly CancellationTokenSource _stop = new();
    readonly ManualResetEventSlim _done = new();

    GradioCallJob(string command, GradioApiEvent call)
        : base(command)
    {
        Call = call;
        PSJobTypeName = "GradioCallJob";
    }

    /// <summary>The call's handle: its event id, status and endpoint.</summary>
    public GradioApiEvent Call { get; }

    public override string Location => Call.AppUrl;

    public override string StatusMessage => Call.Status ?? "";

    public override bool HasMoreData =>
        Output.Count > 0 || Error.Count > 0 || Progress.Count > 0 || Warning.Count > 0 || Information.Count > 0 || Verbose.Count > 0 || Debug.Count > 0;

    /// <summary>Stop-Job: cancels the read, which cancels the job on the server; returns once the job has stopped.</summary>
    public override void StopJob()
    {
        if (_done.IsSet) return;
        SetJobState(JobState.Stopping);
        _stop.Cancel();
        // Bounded: cancelling on the server is itself bounded by a few seconds.
        _done.Wait(TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// Starts reading <paramref name="call"/> with <paramref name="read"/> in the background and
    /// adds the job to the session's job repository; <paramref name="owned"/> is disposed at the end.
    /// </summary>
    internal static GradioCallJob Start(PSCmdlet cmdlet, GradioApiEvent call, Func<ICallOutput, CancellationToken, Task> read, IDisposable? owned = null)
    {
        // Get-Job's Command column: what is called, whichever command (or generated function) started it.
        var job = new GradioCallJob($"{call.ApiName} {call.EventId}", call);
        cmdlet.JobRepository.Add(job);
        job.SetJobState(JobState.Running);
        _ = Task.Run(() => job.RunAsync(read, owned));
        return job;
    }

    async Task RunAsync(Func<ICallOutput, CancellationToken, Task> read, IDisposable? owned)
    {
        try
        {
            await read(new JobOutput(this), _stop.Token).ConfigureAwait(false);
            // A call cancelled by others (Stop-GradioApi, the server) is a stopped job too.
            Finish(Call.Status == "cancelled" ? JobState.Stopped : JobState.Completed);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Finish(JobState.Stopped);
        }
        catch (Exception ex)
        {
            Error.Add(ErrorMapping.ToRecord(ex, ErrorFamily.Gradio, Call.ApiName));
            Finish(JobState.Failed);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    void Finish(JobState state)
    {
        SetJobState(state);
        _done.Set();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _done.IsSet)
        {
            _stop.Dispose();
            _done.Dispose();
        }
        base.Dispose(disposing);
    }

    sealed class JobOutput : ICallOutput
    {
        readonly GradioCallJob _job;

        public JobOutput(GradioCallJob job) => _job = job;

        public void Result(object? item) => _job.Output.Add(item == null ? null : PSObject.AsPSObject(item));

        // A job's output is collected until Receive-Job takes it, as PowerShell's own jobs do.
        public ValueTask RoomAsync(CancellationToken ct) => default;

        public void Progress(ProgressRecord record) => _job.Progress.Add(record);

        public void Warning(string text) => _job.Warning.Add(new WarningRecord(text));

        public void Information(string text, string[] tags)
        {
            var record = new InformationRecord(text, _job.Call.ApiName);
            record.Tags.AddRange(tags);
            _job.Information.Add(record);
        }
    }
}
