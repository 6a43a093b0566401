using System;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Opens the Gradio session of a Space, named "Space:owner/name", at the host the Hub reported
/// (never a guessed one). The Hub token goes with it because that host came from the Hub; a
/// -ServerRoot on another host gets none.
/// </summary>
static class SpaceConnector
{
    public static GradioSession Connect(AsyncCmdlet cmdlet, HubClient hub, JsonNode space, string? serverRoot, bool force)
    {
        var id = space["id"]?.ToString() ?? throw new GradioException(GradioErrorKind.InvalidArguments, "The Space object has no id.");
        if (space["sdk"]?.ToString() is { } sdk && sdk != "gradio")
            throw new GradioException(GradioErrorKind.NotGradio, $"Space {id} is a {sdk} Space, not a Gradio Space: it has no Gradio app to open a session with.", target: id);
        var url = AppUrl(space, serverRoot);
        var name = "Space:" + id;
        if (!force && SessionStore.ByName(name) is { } existing && existing.AppUrl == GradioUrl.NormalizeRoot(url.AbsoluteUri).AbsoluteUri)
            return existing;
        // The Hub command's connection controls (proxy, certificate check, headers) reach the Space too.
        var client = GradioClient.For(url.AbsoluteUri, new GradioClientOptions { BearerToken = hub.Token.RevealFor(url), Settings = hub.Options.Settings, Log = cmdlet.HttpLog });
        var app = cmdlet.Await(ct => client.GetAppInfoAsync(ct));
        var session = new GradioSession(name, client, app);
        SessionStore.Add(session, replace: true);
        return session;
    }

    /// <summary>The Gradio session of a running Gradio Space; otherwise null, with a warning saying why.</summary>
    public static GradioSession? TryConnect(AsyncCmdlet cmdlet, HubClient hub, JsonNode space, string? serverRoot)
    {
        if (space["sdk"]?.ToString() != "gradio") return null;
        var id = space["id"]?.ToString();
        var stage = space["runtime"]?["stage"]?.ToString() ?? "unknown";
        if (stage is not ("RUNNING" or "RUNNING_BUILDING"))
        {
            cmdlet.WriteWarning($"Space {id} is {stage}, so no Gradio session was opened. {SpaceStages.NextStep(stage, id!)}; then Connect-HuggingFaceSpaceGradio {id}.");
            return null;
        }
        try
        {
            return Connect(cmdlet, hub, space, serverRoot, force: false);
        }
        catch (GradioException ex)
        {
            cmdlet.WriteWarning($"Could not open a Gradio session with Space {id}: {cmdlet.Explained(ex).Message} Use Connect-HuggingFaceSpaceGradio {id} to try again.");
            return null;
        }
    }

    /// <summary>The Space's host, or -ServerRoot: a path under the host, or a whole URL that replaces it.</summary>
    static Uri AppUrl(JsonNode space, string? serverRoot)
    {
        var host = space["host"]?.ToString();
        if (string.IsNullOrEmpty(host))
            throw new GradioException(GradioErrorKind.InvalidArguments, $"The Hub reports no host for Space {space["id"]}: is it a running Gradio Space?");
        var root = new Uri(host!.TrimEnd('/') + "/");
        if (string.IsNullOrEmpty(serverRoot)) return root;
        return SessionFiles.IsUrl(serverRoot!) ? new Uri(serverRoot!) : new Uri(root, serverRoot!.TrimStart('/'));
    }
}
