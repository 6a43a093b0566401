using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Set-HuggingFaceToken (alias Set-HfToken): checks a token with whoami-v2 and makes it the one
/// the Hub cmdlets use in this process (before HF_TOKEN and the token file). -Persist also writes
/// the standard token file (readable by the user only), so other tools and later sessions find it.
/// </summary>
[Cmdlet(VerbsCommon.Set, "HuggingFaceToken", SupportsShouldProcess = true)]
[Alias("Set-HfToken")]
[OutputType(HubObjects.WhoamiType)]
public sealed class SetHuggingFaceTokenCommand : HubCmdlet
{
    /// <summary>The token (string or SecureString). Asked for, hidden, when left out.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>Also write it to the token file ($HF_TOKEN_PATH, else $HF_HOME/token, else $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token).</summary>
    [Parameter]
    public SwitchParameter Persist { get; set; }

    /// <summary>Write the account the token belongs to.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override object? ErrorTarget => "Set-HuggingFaceToken";

    protected override void Process()
    {
        var token = Token ?? Host.UI.PromptForCredential("Hugging Face access token", "Paste the access token as the password.", "hf", "")?.Password;
        if (token == null || token.Length == 0)
            throw new HubException(HubErrorKind.InvalidArgument, "No token was given.");
        // The new token is checked, not whichever one was set before.
        var hub = new HubClient(new HubClientOptions { Token = HubToken.FromSecureString(token, TokenOrigin.Parameter, "the token given to Set-HuggingFaceToken") });
        var me = Await(ct => hub.WhoamiAsync(ct));
        var user = me?["name"]?.ToString();
        if (!ShouldProcess(user ?? "the token", Persist ? $"Use the token of {user} and write it to {TokenFile.Path}" : $"Use the token of {user} in this process")) return;
        TokenSource.SetSessionToken(token);
        // The token is set for this process before the file is written: a failing -Persist says so.
        if (Persist) WriteVerbose($"Token written to {TokenFile.Persist(token)}");
        WriteVerbose($"The Hub cmdlets now use the token of {user}.");
        if (PassThru && me != null) WriteObject(HubObjects.Whoami(me, hub.Token.Source));
    }
}
