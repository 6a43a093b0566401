using System.Collections;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Invoke-HuggingFaceHub (alias Invoke-HfHub): any GET of the Hub API (/api/...). Listings are
/// followed across their pages lazily, so "| Select-Object -First 5" stops the fetching.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "HuggingFaceHub")]
[Alias("Invoke-HfHub")]
[OutputType(typeof(PSObject))]
public sealed class InvokeHuggingFaceHubCommand : HubCmdlet
{
    /// <summary>The API route: "models", "api/spaces/owner/name", "/api/whoami-v2", or a full URL.</summary>
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    public string Endpoint { get; set; } = "";

    [Parameter(Position = 1)] public string? Search { get; set; }

    [Parameter(Position = 2)] public string? Author { get; set; }

    /// <summary>Tags to filter on; several are ANDed.</summary>
    [Parameter(Position = 3)] public string[]? Filter { get; set; }

    /// <summary>-1 for descending (the Hub sorts descending anyway).</summary>
    [Parameter(Position = 4)] public int? Direction { get; set; }

    /// <summary>How many items at most (also the page size asked for); without it, every page is read, lazily.</summary>
    [Parameter(Position = 5)] [ValidateRange(1, 1000)] public int? Limit { get; set; }

    [Parameter(Position = 6)] public string? Sort { get; set; }

    /// <summary>Any other query parameters; an array value repeats the key.</summary>
    [Parameter(Position = 7)] public Hashtable? RawParams { get; set; }

    /// <summary>A token for this call (string or SecureString); else the one Set-HuggingFaceToken, HF_TOKEN or the token file gives.</summary>
    [Parameter(Position = 8)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>Descending order (PowershAI's switch: direction=-1).</summary>
    [Parameter] public SwitchParameter Desc { get; set; }

    [Parameter] public SwitchParameter Full { get; set; }

    [Parameter] public SwitchParameter Config { get; set; }

    /// <summary>Only these fields (expand[]).</summary>
    [Parameter] public string[]? Expand { get; set; }

    /// <summary>Send no token, even when one is set.</summary>
    [Parameter] public SwitchParameter Public { get; set; }

    protected override object? ErrorTarget => Endpoint;

    protected override void Process()
    {
        var path = Endpoint.Contains("://") || Endpoint.TrimStart('/').StartsWith("api/") ? Endpoint : "/api/" + Endpoint.TrimStart('/');
        var query = new HubQuery()
            .Add("search", Search).Add("author", Author).Add("filter", Filter).Add("sort", Sort)
            .Add("direction", Desc ? -1 : Direction).Add("limit", Limit).Add("expand[]", Expand);
        if (Full) query.Add("full", true);
        if (Config) query.Add("config", true);
        if (RawParams != null)
            foreach (DictionaryEntry kv in RawParams) query.Add(kv.Key.ToString()!, PSJson.FromPS(kv.Value));
        WriteEach(Take(Hub(Token, Public).QueryAsync(path, query, CancelToken), Limit ?? 0), n => PSJson.ToPS(n));
    }
}
