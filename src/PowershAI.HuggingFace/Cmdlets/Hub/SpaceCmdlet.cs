using System;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>What the Space cmdlets share: the -Space argument, the token, and progress while a Space changes stage.</summary>
public abstract class SpaceCmdlet : HubCmdlet
{
    const int Activity = 10;

    /// <summary>Space ids ("owner/name") or Space objects (from Get-HuggingFaceSpace).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(SpaceCompleter))]
    public object[] Space { get; set; } = null!;

    /// <summary>A token for this call (string or SecureString); else the discovered one.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>Runs <paramref name="action"/> for each Space given, reporting failures per Space.</summary>
    protected void ForEachSpace(Action<HubClient, string> action)
    {
        var hub = Hub(Token);
        ForEachItem(Space, HubObjects.SpaceId, item => action(hub, HubObjects.SpaceId(item)));
    }

    /// <summary>-PassThru of the lifecycle cmdlets: the Space as Get-HuggingFaceSpace shows it, with its Gradio session when <paramref name="connect"/>.</summary>
    protected void WriteSpace(HubClient hub, string id, bool connect)
    {
        var info = Await(ct => hub.GetRepoAsync(HubRepoType.Space, id, ct: ct));
        if (info != null) WriteObject(HubObjects.Space(info, connect ? SpaceConnector.TryConnect(this, hub, info, null) : null));
    }

    /// <summary>Waits for RUNNING with a progress bar; false (with one warning) when the time runs out.</summary>
    protected bool WaitRunning(HubClient hub, string id, TimeSpan timeout, bool wake, bool showProgress = true)
    {
        var activity = $"Waiting for Space {id}";
        var progress = ProgressTo<SpaceStageUpdate>(u =>
        {
            if (!showProgress) return;
            var record = new ProgressRecord(Activity, activity, $"{u.Stage}{(u.Waking ? " (waking it up)" : "")}, {u.Elapsed.TotalSeconds:0} s");
            var left = u.Timeout - u.Elapsed;
            if (left > TimeSpan.Zero) record.SecondsRemaining = (int)left.TotalSeconds;
            record.PercentComplete = (int)Math.Min(99, 100 * u.Elapsed.TotalSeconds / Math.Max(1, u.Timeout.TotalSeconds));
            WriteProgress(record);
        });
        try
        {
            Await(ct => hub.WaitForSpaceAsync(id, timeout, progress, ct, wake));
            return true;
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.Timeout)
        {
            WriteWarning(ex.Message);   // it names the Space, the time waited and the stage
            return false;
        }
        finally
        {
            if (showProgress) WriteProgress(Progress.Completed(Activity, activity));
        }
    }
}
