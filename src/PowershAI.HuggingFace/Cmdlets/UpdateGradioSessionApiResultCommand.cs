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

    protected override void Process()
    {
        var value = Id is PSObject ps ? ps.BaseObject : Id;
        ForEachItem(new[] { value }, v => v, v =>
        {
            var call = v as SessionApiEvent
                ?? SessionStore.Resolve(Session).FindCall(v.ToString() ?? "")
                ?? throw new GradioException(GradioErrorKind.CallNotFound, $"The session has no call with id '{v}'. Is it the right session?", target: v.ToString());
            new ResultReader { MaxHeartBeats = MaxHeartBeats, NoOutput = NoOutput, History = History }.Read(this, call.ApiEvent);
        });
    }
}
