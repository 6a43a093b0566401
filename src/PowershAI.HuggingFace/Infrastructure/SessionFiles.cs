using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Turns what a user gives for a file into the FileData a session's app takes: local paths and
/// FileInfo are uploaded (once per file version), URLs are left for the server to fetch, and
/// FileData objects pass through (another app's are sent by URL, as PowershAI did).
/// </summary>
static class SessionFiles
{
    /// <summary>
    /// On the pipeline thread: paths (PowerShell paths need the session state), FileInfo and
    /// DirectoryInfo become checked FileInfo (LocalFile.Check: FileNotFound, or FileError for a
    /// folder or a device); URLs and FileData pass through.
    /// </summary>
    public static object? Resolve(PSCmdlet cmdlet, object? item)
    {
        var value = item is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : item;
        if (value is FileSystemInfo local) return LocalFile.Check(local.FullName);
        if (value is not string s || IsUrl(s)) return value;
        return LocalFile.Check(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(s));
    }

    /// <summary>
    /// On the pipeline thread: a file input as the call takes it. A local file (path or FileInfo)
    /// becomes a FileInfo, which the call uploads; a URL or a FileData object becomes the FileData
    /// to send; a list, a list of those.
    /// </summary>
    public static object? Prepare(PSCmdlet cmdlet, AppInfo app, object? value)
    {
        var v = value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
        if (v is IEnumerable e and not string and not IDictionary) return e.Cast<object?>().Select(item => ToFileValue(app, Resolve(cmdlet, item))).ToList();
        return v == null ? null : ToFileValue(app, Resolve(cmdlet, value));
    }

    /// <summary>The FileData for each resolved item, uploading (in one request) what the app does not hold yet.</summary>
    public static async Task<List<JsonObject>> ToFileDataAsync(GradioSession session, GradioClient client, IReadOnlyList<object?> items, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var values = items.Select(item => ToFileValue(session.App, item)).ToList();
        var json = await ArgumentConverter.ToJsonAsync(client, session.App, values, session.Uploads, progress, ct).ConfigureAwait(false);
        return json.Cast<JsonObject>().ToList();
    }

    /// <summary>A resolved item as a value to send: FileInfo stays (to upload), a URL or a FileData object becomes FileData.</summary>
    static object ToFileValue(AppInfo app, object? item) => item switch
    {
        FileInfo f => f,
        string url when IsUrl(url) => FileData.ForUrl(app, new Uri(url)),
        _ => FromObject(app, item),
    };

    static JsonObject FromObject(AppInfo app, object? item)
    {
        if (ArgumentConverter.ToJson(PSJson.FromPS(item)) is not JsonObject o || !FileData.IsFileValue(o))
            throw new GradioException(GradioErrorKind.InvalidArguments, $"'{item}' is not a file: give a path, a FileInfo, a URL or a FileData object.");
        // A file another app holds is handed over by URL: this app fetches it (PowershAI's chaining).
        if (o["url"]?.ToString() is { } url && IsUrl(url) && !url.StartsWith(app.Root.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
            return FileData.ForUrl(app, new Uri(url));
        return o;
    }

    public static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
