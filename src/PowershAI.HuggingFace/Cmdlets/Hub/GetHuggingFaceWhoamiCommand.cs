using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>Get-HuggingFaceWhoami (aliases Get-HfWhoami, Get-HfMe): the account of the token, and where the token came from (never the token).</summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceWhoami")]
[Alias("Get-HfWhoami", "Get-HfMe")]
[OutputType(HubObjects.WhoamiType)]
public sealed class GetHuggingFaceWhoamiCommand : HubCmdlet
{
    /// <summary>The token to ask about (string or SecureString); else the discovered one.</summary>
    [Parameter(Position = 0)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override void Process()
    {
        var hub = Hub(Token);
        var me = Await(ct => hub.WhoamiAsync(ct));
        if (me != null) WriteObject(HubObjects.Whoami(me, hub.Token.Source));
    }
}
