using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// The Hub's objects are built from JSON, so their type names (HubObjects) have no .NET type for
/// PowerShell's completion to read the properties from: "Find-HuggingFaceModel | Select-Object
/// &lt;Tab&gt;" would offer nothing. The properties the Hub answers with are declared here as type
/// data of those names, hidden: completion sees them, while objects show only the properties
/// their JSON has (a declared one an object lacks is not listed, formatted or serialised).
/// </summary>
static class HubTypeData
{
    static readonly string[] Model = new[] { "_id", "id", "modelId" }.Concat(HubListingCompleter.ModelExpand).ToArray();

    static readonly string[] Dataset = new[] { "_id", "id" }.Concat(HubListingCompleter.DatasetExpand).ToArray();

    static readonly string[] Space =
    {
        "_id", "id", "author", "sha", "lastModified", "createdAt", "private", "gated", "disabled", "likes", "trendingScore",
        "sdk", "subdomain", "host", "runtime", "cardData", "siblings", "tags", "models", "datasets", "usedStorage",
        "control", "GradioSession",
    };

    static readonly string[] Whoami =
    {
        "type", "id", "name", "fullname", "email", "emailVerified", "isPro", "canPay", "avatarUrl", "periodEnd", "orgs", "auth",
        "TokenSource",
    };

    /// <summary>Adds the declarations to the current runspace's type table (at import; -Force makes a re-import harmless).</summary>
    public static void Register()
    {
        if (Runspace.DefaultRunspace == null) return;
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddCommand("Microsoft.PowerShell.Utility\\Update-TypeData")
            .AddParameter("TypeData", new[]
            {
                Declare(HubObjects.ModelType, Model), Declare(HubObjects.DatasetType, Dataset),
                Declare(HubObjects.SpaceType, Space), Declare(HubObjects.WhoamiType, Whoami),
            })
            .AddParameter("Force");
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException)
        {
            // A session that forbids type updates only loses the completion of these properties.
        }
    }

    static TypeData Declare(string typeName, string[] properties)
    {
        var data = new TypeData(typeName);
        foreach (var name in properties.Distinct())
            data.Members.Add(name, new NotePropertyData(name, null) { IsHidden = true });
        return data;
    }
}
