using System;
using System.Collections;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Copy-HuggingFaceSpace (alias Copy-HfSpace): duplicates a Space (POST /api/spaces/{from}/duplicate),
/// by default to the token's account under the same name; -UseExisting takes an existing target as
/// it is, as gradio_client's Client.duplicate does; -Wait waits until it runs; -PassThru writes it.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "HuggingFaceSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Copy-HfSpace")]
[OutputType(HubObjects.SpaceType)]
public sealed class CopyHuggingFaceSpaceCommand : SpaceCmdlet
{
    string? _account;

    /// <summary>The new Space: "owner/name", or a name under the token's account (default: the source's name there).</summary>
    [Parameter(Position = 1)]
    [Alias("ToId")]
    public string? Destination { get; set; }

    /// <summary>Make the copy private (-Private:$false public); without it the Hub decides.</summary>
    [Parameter]
    public SwitchParameter Private { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(SpaceHardwareCompleter))]
    public string? Hardware { get; set; }

    [Parameter]
    [ValidateSet("small", "medium", "large")]
    public string? Storage { get; set; }

    /// <summary>Seconds of inactivity before the copy sleeps (-1: never; paid hardware only).</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int? SleepTimeSec { get; set; }

    /// <summary>Secrets of the copy: names to values (strings or SecureStrings).</summary>
    [Parameter]
    public Hashtable? Secret { get; set; }

    /// <summary>Variables of the copy: names to values.</summary>
    [Parameter]
    public Hashtable? Variable { get; set; }

    /// <summary>When the target exists, use it as it is instead of failing with HuggingFaceConflict.</summary>
    [Parameter]
    public SwitchParameter UseExisting { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>With -Wait: seconds to wait for the copy to run.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public override int TimeoutSec { get; set; } = 600;

    protected override TimeSpan RequestTimeout => DefaultRequestTimeout;

    protected override void Process() => ForEachSpace((hub, from) =>
    {
        var name = from.Substring(from.IndexOf('/') + 1);
        var owned = Destination != null && Destination.IndexOf('/') >= 0;
        // No request before the confirmation: the account is read (whoami) only once it is given.
        if (!ShouldProcess($"Space {from}", $"Duplicate to {(owned ? Destination : (Destination ?? name) + " under the token's account")}")) return;
        var to = owned ? Destination! : $"{Account(hub)}/{Destination ?? name}";
        try
        {
            Await(ct => hub.DuplicateSpaceAsync(from, to, Options(), ct));
            WriteVerbose($"Space {from} duplicated to {to}.");
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.Conflict && UseExisting)
        {
            WriteVerbose($"Space {to} exists already: using it as it is (-UseExisting).");
        }
        var running = Wait && WaitRunning(hub, to, TimeSpan.FromSeconds(TimeoutSec), wake: true);
        if (PassThru) WriteSpace(hub, to, connect: running);
    });

    string Account(HubClient hub) => _account ??= Await(ct => hub.WhoamiAsync(ct))?["name"]?.ToString()
        ?? throw new HubException(HubErrorKind.MalformedResponse, "The Hub did not name the token's account (whoami), so the copy needs -Destination owner/name.");

    DuplicateSpaceOptions Options()
    {
        var options = new DuplicateSpaceOptions
        {
            Private = MyInvocation.BoundParameters.ContainsKey(nameof(Private)) ? Private.IsPresent : null,
            Hardware = Hardware,
            Storage = Storage,
            SleepTimeSeconds = SleepTimeSec,
        };
        foreach (DictionaryEntry entry in Secret ?? new Hashtable())
            options.Secrets.Add(SpaceSetting.Secret(entry.Key.ToString()!, Secrets.ToSecure(entry.Value) ?? new System.Security.SecureString()));
        foreach (DictionaryEntry entry in Variable ?? new Hashtable())
            options.Variables.Add(SpaceSetting.Variable(entry.Key.ToString()!, (entry.Value is PSObject ps ? ps.BaseObject : entry.Value)?.ToString() ?? ""));
        return options;
    }
}
