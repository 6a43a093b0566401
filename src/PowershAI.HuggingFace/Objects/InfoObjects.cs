using System.Management.Automation;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Objects;

/// <summary>PowerShell views of the app description.</summary>
static class InfoObjects
{
    public const string InfoTypeName = "PowershAI.HuggingFace.GradioInfo";
    public const string FileDataTypeName = "PowershAI.HuggingFace.GradioFileData";

    /// <summary>/info as ConvertFrom-Json would give it, plus RealAppUrl (PowershAI: the base the API answers at) and the app's version facts.</summary>
    public static PSObject Info(AppInfo app)
    {
        var info = (PSObject)PSJson.ToPS(app.Info)!;
        info.TypeNames.Insert(0, InfoTypeName);
        info.Properties.Add(new PSNoteProperty("RealAppUrl", app.ApiBase.AbsoluteUri.TrimEnd('/')));
        info.Properties.Add(new PSNoteProperty("AppUrl", app.Root.AbsoluteUri));
        info.Properties.Add(new PSNoteProperty("Version", app.VersionText));
        info.Properties.Add(new PSNoteProperty("Protocol", app.Protocol));
        info.Properties.Add(new PSNoteProperty("ApiPrefix", app.ApiPrefix));
        return info;
    }

    /// <summary>A FileData object for PowerShell, with a url that works for this app.</summary>
    public static PSObject FileData(AppInfo app, JsonObject fileData)
    {
        var copy = (JsonObject)fileData.DeepClone();
        if (copy["url"] == null && copy["path"] != null) copy["url"] = Core.Gradio.FileData.DownloadUrl(app, copy).AbsoluteUri;
        var ps = (PSObject)PSJson.ToPS(copy)!;
        ps.TypeNames.Insert(0, FileDataTypeName);
        return ps;
    }
}
