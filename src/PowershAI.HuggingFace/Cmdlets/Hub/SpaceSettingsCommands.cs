using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>Set-HuggingFaceSpaceHardware (alias Set-HfSpaceHardware): requests a hardware flavor for a Space, which restarts on it; -PassThru writes the Space.</summary>
[Cmdlet(VerbsCommon.Set, "HuggingFaceSpaceHardware", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Set-HfSpaceHardware")]
[OutputType(HubObjects.SpaceType)]
public sealed class SetHuggingFaceSpaceHardwareCommand : SpaceCmdlet
{
    [Parameter(Position = 1, Mandatory = true)]
    [Alias("Flavor")]
    [ArgumentCompleter(typeof(SpaceHardwareCompleter))]
    public string Hardware { get; set; } = "";

    /// <summary>Seconds of inactivity before the Space sleeps on this hardware (-1: never).</summary>
    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int? SleepTimeSec { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, $"Request {Hardware} hardware (the Space restarts on it)")) return;
        Await(ct => hub.SetSpaceHardwareAsync(id, Hardware, SleepTimeSec, ct));
        if (PassThru) WriteSpace(hub, id, connect: false);
    });
}

/// <summary>What the secret and variable cmdlets share: the name of the setting.</summary>
public abstract class SpaceSettingCmdlet : SpaceCmdlet
{
    /// <summary>The secret's or variable's name.</summary>
    [Parameter(Position = 1, Mandatory = true)]
    [Alias("Key")]
    public string Name { get; set; } = "";
}

/// <summary>Set-HuggingFaceSpaceSecret (alias Set-HfSpaceSecret): adds or replaces a Space secret; its value is never shown.</summary>
[Cmdlet(VerbsCommon.Set, "HuggingFaceSpaceSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Set-HfSpaceSecret")]
public sealed class SetHuggingFaceSpaceSecretCommand : SpaceSettingCmdlet
{
    /// <summary>The value, as a SecureString or a string (held as a SecureString from then on).</summary>
    [Parameter(Position = 2, Mandatory = true)]
    [SecureStringTransformation]
    public SecureString Value { get; set; } = null!;

    [Parameter]
    public string? Description { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, $"Set secret {Name}")) return;
        var secret = SpaceSetting.Secret(Name, Value, Description);
        Await(ct => hub.SetSpaceSettingAsync(id, secret, ct));
    });
}

/// <summary>Remove-HuggingFaceSpaceSecret (alias Remove-HfSpaceSecret): deletes a Space secret (a missing one is no error, as on the Hub).</summary>
[Cmdlet(VerbsCommon.Remove, "HuggingFaceSpaceSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Remove-HfSpaceSecret")]
public sealed class RemoveHuggingFaceSpaceSecretCommand : SpaceSettingCmdlet
{
    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (ShouldProcess(id, $"Remove secret {Name}")) Await(ct => hub.RemoveSpaceSettingAsync(id, Name, secret: true, ct));
    });
}

/// <summary>Get-HuggingFaceSpaceVariable (alias Get-HfSpaceVariable): a Space's variables, one object each (-Name filters, wildcards allowed).</summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceSpaceVariable")]
[Alias("Get-HfSpaceVariable")]
[OutputType(SpaceVariables.TypeName)]
public sealed class GetHuggingFaceSpaceVariableCommand : SpaceCmdlet
{
    [Parameter(Position = 1)]
    [Alias("Key")]
    [SupportsWildcards]
    public string Name { get; set; } = "*";

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        foreach (var variable in SpaceVariables.From(id, Await(ct => hub.GetSpaceVariablesAsync(id, ct))))
            if (pattern.IsMatch((string)variable.Properties["Name"].Value)) WriteObject(variable);
    });
}

/// <summary>Set-HuggingFaceSpaceVariable (alias Set-HfSpaceVariable): adds or replaces a Space variable; -PassThru writes the Space's variables.</summary>
[Cmdlet(VerbsCommon.Set, "HuggingFaceSpaceVariable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Set-HfSpaceVariable")]
[OutputType(SpaceVariables.TypeName)]
public sealed class SetHuggingFaceSpaceVariableCommand : SpaceSettingCmdlet
{
    [Parameter(Position = 2, Mandatory = true)]
    [AllowEmptyString]
    public string Value { get; set; } = "";

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (!ShouldProcess(id, $"Set variable {Name} to '{Value}'")) return;
        var all = Await(ct => hub.SetSpaceSettingAsync(id, SpaceSetting.Variable(Name, Value, Description), ct));
        if (PassThru) WriteObject(SpaceVariables.From(id, all), enumerateCollection: true);
    });
}

/// <summary>Remove-HuggingFaceSpaceVariable (alias Remove-HfSpaceVariable): deletes a Space variable (a missing one is no error, as on the Hub).</summary>
[Cmdlet(VerbsCommon.Remove, "HuggingFaceSpaceVariable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Remove-HfSpaceVariable")]
public sealed class RemoveHuggingFaceSpaceVariableCommand : SpaceSettingCmdlet
{
    protected override void Process() => ForEachSpace((hub, id) =>
    {
        if (ShouldProcess(id, $"Remove variable {Name}")) Await(ct => hub.RemoveSpaceSettingAsync(id, Name, secret: false, ct));
    });
}
