using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>Update-GradioSessionApiResult: reads the results of a session's call (a SessionApiEvent or its id), as Update-GradioApiResult does.</summary>
[Cmdlet(VerbsData.Update, "GradioSessionApiResult")]
[OutputType(typeof(GradioApiEventResult))]
public sealed class UpdateGradioSessionApiResultCommand : AsyncCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(CallIdCompleter))]
    public object Id { get; set; } = null!;

    [Parameter]
    public SwitchParameter NoOutput { get; set; }

    [Parameter(Position = 1)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxHeartBeats { get; set; }

    [Parameter(Position = 2)]
    [ArgumentCompleter(typeof(SessionNameCompleter))]
    public object Session { get; set; } = ".";

    [Parameter]
    public SwitchParameter History { get; set; }

    protected override object? ErrorTarget => Id is PSObject ps ? ps.BaseObject : Id;

    // As Update-GradioApiResult: a call that fails fails the command, piped or not.
    protected override void Process()
    {
        var value = Id is PSObject ps ? ps.BaseObject : Id;
        var call = value as SessionApiEvent
            ?? SessionStore.Resolve(Session).FindCall(value.ToString() ?? "")
            ?? throw new GradioException(GradioErrorKind.CallNotFound, $"The session has no call with id '{value}'. Is it the right session?", target: value.ToString());
        new ResultReader { MaxHeartBeats = MaxHeartBeats, NoOutput = NoOutput, History = History }.Read(this, call.ApiEvent);
    }
}
