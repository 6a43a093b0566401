using System.Collections;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>What Get-/Find- for models and datasets share: the repo type, and how its objects look.</summary>
public abstract class RepoCmdlet : HubCmdlet
{
    /// <summary>A token for this call (string or SecureString); else the discovered one.</summary>
    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    private protected abstract HubRepoType Type { get; }

    private protected PSObject View(JsonNode node) => Type == HubRepoType.Dataset ? HubObjects.Dataset(node) : HubObjects.Model(node);
}

/// <summary>Reads one repo's info (full), for each id given.</summary>
public abstract class GetRepoCmdlet : RepoCmdlet
{
    /// <summary>Repo ids ("owner/name"), or objects with an id.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Model", "Dataset")]
    public object[] Name { get; set; } = null!;

    /// <summary>A branch, tag or commit.</summary>
    [Parameter]
    public string? Revision { get; set; }

    protected override void Process()
    {
        var hub = Hub(Token);
        ForEachItem(Name, HubObjects.SpaceId, item =>
        {
            var id = HubObjects.SpaceId(item);
            var info = Await(ct => hub.GetRepoAsync(Type, id, Revision, extra: new HubQuery().Add("full", true), ct: ct));
            if (info != null) WriteObject(View(info));
        });
    }
}

/// <summary>Searches repos; results stream item by item as each page arrives, the next page asked for only when needed.</summary>
public abstract class FindRepoCmdlet : RepoCmdlet
{
    [Parameter(Position = 0)] public string? Search { get; set; }

    /// <summary>Tags to filter on (ANDed).</summary>
    [Parameter(Position = 1)] [Alias("Tags")] [ArgumentCompleter(typeof(HubListingCompleter))] public string[]? Filter { get; set; }

    [Parameter(Position = 2)] public string? Author { get; set; }

    /// <summary>Any other query parameters.</summary>
    [Parameter(Position = 3)] public Hashtable? RawParams { get; set; }

    /// <summary>How many results at most (0: all, read lazily).</summary>
    [Parameter(Position = 4)] [ValidateRange(0, int.MaxValue)] public int Limit { get; set; } = 100;

    [Parameter(Position = 5)] [ArgumentCompleter(typeof(HubListingCompleter))] public string Sort { get; set; } = "downloads";

    [Parameter] public SwitchParameter Full { get; set; }

    [Parameter] [ArgumentCompleter(typeof(HubListingCompleter))] public string[]? Expand { get; set; }

    protected override object? ErrorTarget => Search;

    protected override void Process()
    {
        var query = new HubQuery().Add("search", Search).Add("author", Author).Add("filter", Filter).Add("sort", Sort)
            .Add("limit", Limit == 0 ? null : System.Math.Min(Limit, 1000)).Add("expand[]", Expand);
        if (Full) query.Add("full", true);
        if (RawParams != null)
            foreach (DictionaryEntry kv in RawParams) query.Add(kv.Key.ToString()!, PSJson.FromPS(kv.Value));
        var read = Type == HubRepoType.Dataset ? HubObjects.DatasetReader() : HubObjects.ModelReader();
        WriteEach(Take(Hub(Token).ListReposAsync(Type, query, read, CancelToken), Limit), HubObjects.Bind);
    }
}

/// <summary>Get-HuggingFaceModel (alias Get-HfModel): a model's info.</summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceModel")]
[Alias("Get-HfModel")]
[OutputType(HubObjects.ModelType)]
public sealed class GetHuggingFaceModelCommand : GetRepoCmdlet
{
    private protected override HubRepoType Type => HubRepoType.Model;
}

/// <summary>Find-HuggingFaceModel (alias Find-HfModel): searches models (most downloaded first).</summary>
[Cmdlet(VerbsCommon.Find, "HuggingFaceModel")]
[Alias("Find-HfModel")]
[OutputType(HubObjects.ModelType)]
public sealed class FindHuggingFaceModelCommand : FindRepoCmdlet
{
    private protected override HubRepoType Type => HubRepoType.Model;
}

/// <summary>Get-HuggingFaceDataset (alias Get-HfDataset): a dataset's info.</summary>
[Cmdlet(VerbsCommon.Get, "HuggingFaceDataset")]
[Alias("Get-HfDataset")]
[OutputType(HubObjects.DatasetType)]
public sealed class GetHuggingFaceDatasetCommand : GetRepoCmdlet
{
    private protected override HubRepoType Type => HubRepoType.Dataset;
}

/// <summary>Find-HuggingFaceDataset (alias Find-HfDataset): searches datasets (most downloaded first).</summary>
[Cmdlet(VerbsCommon.Find, "HuggingFaceDataset")]
[Alias("Find-HfDataset")]
[OutputType(HubObjects.DatasetType)]
public sealed class FindHuggingFaceDatasetCommand : FindRepoCmdlet
{
    private protected override HubRepoType Type => HubRepoType.Dataset;
}
