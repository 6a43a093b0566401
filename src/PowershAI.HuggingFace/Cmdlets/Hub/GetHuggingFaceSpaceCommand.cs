using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Get-HuggingFaceSpace (alias Get-HfSpace): a Space's info; for a running Gradio Space it also
/// opens its Gradio session ("Space:owner/name"), so session cmdlets and generated functions
/// work on it at once. -Author and -My list Spaces instead.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceSpace", DefaultParameterSetName = SingleSet)]
[Alias("Get-HfSpace")]
[OutputType(HubObjects.SpaceType)]
public sealed class GetHuggingFaceSpaceCommand : HubCmdlet
{
    const string SingleSet = "Single";
    const string MultipleSet = "Multiple";

    // What a listing item has by default, plus runtime (the Hub returns only the fields named once expand is used).
    static readonly string[] ListingFields = { "author", "lastModified", "likes", "trendingScore", "private", "sdk", "tags", "createdAt", "runtime" };

    /// <summary>Space ids ("owner/name"), or Space objects (listings can be piped back in).</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ParameterSetName = SingleSet)]
    [ArgumentCompleter(typeof(SpaceCompleter))]
    public object[] Space { get; set; } = null!;

    /// <summary>List the Spaces of this user or organization.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MultipleSet)]
    public string? Author { get; set; }

    /// <summary>List the Spaces of the token's user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "My")]
    public SwitchParameter My { get; set; }

    /// <summary>Do not open a Gradio session.</summary>
    [Parameter(ParameterSetName = SingleSet)]
    public SwitchParameter NoGradioSession { get; set; }

    /// <summary>Where the Gradio app answers: a path under the Space's host, or a whole URL that replaces it.</summary>
    [Parameter(ParameterSetName = SingleSet)]
    public string? GradioServerRoot { get; set; }

    /// <summary>A token for this call (string or SecureString); else the discovered one.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Author;

    protected override void Process()
    {
        var hub = Hub(Token);
        if (ParameterSetName != SingleSet)
        {
            var author = My ? Await(ct => hub.WhoamiAsync(ct))?["name"]?.ToString() : Author;
            // A listing carries no runtime unless asked: expanded, its stage is there for the view.
            var query = new HubQuery().Add("author", author).Add("expand[]", ListingFields);
            WriteEach(hub.ListReposAsync(HubRepoType.Space, query, HubObjects.SpaceReader(), CancelToken), space => HubObjects.Space(space));
            return;
        }
        ForEachItem(Space, HubObjects.SpaceId, item =>
        {
            var id = HubObjects.SpaceId(item);
            var info = Await(ct => hub.GetRepoAsync(HubRepoType.Space, id, extra: new HubQuery().Add("full", true), ct: ct));
            if (info != null) WriteObject(HubObjects.Space(info, NoGradioSession ? null : SpaceConnector.TryConnect(this, hub, info, GradioServerRoot)));
        });
    }
}
