using System.Collections;
using System.Management.Automation;
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

    /// <summary>With piped handles: read up to this many calls at once; each call's results are written in input order.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>With -ThrottleLimit: write each call's results as they come instead of in input order.</summary>
    [Parameter]
    public SwitchParameter Unordered { get; set; }

    protected override object? ErrorTarget => ApiEvent?.ApiName;

    // A call that fails fails the command, piped or not: what comes after it in a script depends
    // on its result. With -ThrottleLimit the calls are a batch: a failed one is its own error.
    protected override void Process()
    {
        var handle = ApiEvent;
        var reader = new ResultReader
        {
            MaxHeartBeats = MaxHeartBeats,
            NoOutput = NoOutput,
            History = History,
            // The script runs on the pipeline thread, in order with the results.
            Each = Script == null ? null : r => Post(() => Script.Invoke(new Hashtable { ["event"] = r, ["ApiEvent"] = handle })),
        };
        if (ThrottleLimit > 1) StartInBatch(ThrottleLimit, !Unordered, "Reading " + handle.ApiName, handle.ApiName, (output, ct) => reader.ReadAsync(handle, output, ct));
        else reader.Read(this, handle);
    }

    protected override void End() => FinishBatch();
}
