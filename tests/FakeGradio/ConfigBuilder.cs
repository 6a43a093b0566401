using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>GET /config: Blocks.get_config_file in the key order of the profile's version (samples/*/simple-config.json).</summary>
internal static class ConfigBuilder
{
    public static JsonObject Build(ServerContext server, string root)
    {
        var p = server.Profile;
        var app = server.App;
        var config = new JsonObject { ["version"] = p.VersionText };
        var prefix = server.Options.ApiPrefix ?? p.ApiPrefix;
        if (prefix.Length > 0) config["api_prefix"] = prefix;
        config["mode"] = "blocks";
        config["app_id"] = server.AppId;
        config["dev_mode"] = false;
        config["analytics_enabled"] = false;
        config["components"] = new JsonArray(app.Components.Select(c => (JsonNode)c.ConfigEntry(p)).ToArray());
        config["css"] = p.Titles ? "" : null;
        if (p.HeartbeatConfig) config["connect_heartbeat"] = app.HasState;
        if (!p.IsV3)
        {
            config["js"] = p.Titles ? "" : null;
            config["head"] = p.Titles ? "" : null;
        }
        config["title"] = app.Title;
        config["space_id"] = null;
        config["enable_queue"] = true;
        config["show_error"] = server.Options.ShowError;
        if (!p.ApiVisibility) config["show_api"] = true;
        config["is_colab"] = false;
        if (p.HeartbeatConfig) config["max_file_size"] = server.Options.MaxFileSize;
        config["stylesheets"] = p.Titles
            ? new JsonArray(SourceSans)
            : new JsonArray(SourceSans, "https://fonts.googleapis.com/css2?family=IBM+Plex+Mono:wght@400;600&display=swap");
        config["theme"] = "default";
        if (p.Protocol is { } protocol) config["protocol"] = protocol;
        if (!p.IsV3)
        {
            // The default theme's colours and hash changed with 5.0.
            config["body_css"] = p.Titles
                ? Colours("white", "#27272a", "#0f0f11", "#f4f4f5")
                : Colours("white", "#1f2937", "#0b0f19", "#f3f4f6");
            config["fill_height"] = false;
            if (p.Titles) config["fill_width"] = false;
            config["theme_hash"] = p.Titles
                ? "63194d3741d384f9f85db890247b6c0ef9e7abac0f297f40a15c59fe4baba916"
                : "aa3cf5a76ff4ff3d05b407358c4a85aa7a55a3f5751b53d49cba0b8d49a6c148";
            if (p.Titles) config["pwa"] = false;
        }
        config["layout"] = app.Layout.DeepClone();
        config["dependencies"] = new JsonArray(app.Dependencies.Select(d => (JsonNode)Dependency(p, d)).ToArray());
        config["root"] = p.IsV3 ? "" : root;
        if (p.Titles) config["username"] = null;
        return config;
    }

    private const string SourceSans = "https://fonts.googleapis.com/css2?family=Source+Sans+Pro:wght@400;600&display=swap";

    private static JsonObject Colours(string fill, string text, string fillDark, string textDark) => new()
    {
        ["body_background_fill"] = fill, ["body_text_color"] = text,
        ["body_background_fill_dark"] = fillDark, ["body_text_color_dark"] = textDark,
    };

    private static JsonObject Dependency(Profile p, Dependency d)
    {
        var dep = new JsonObject();
        if (p.DependencyId) dep["id"] = d.FnIndex;
        if (p.IsV3)
        {
            dep["targets"] = new JsonArray(d.Trigger);
            dep["trigger"] = "click";
            dep["trigger_after"] = null;
            dep["trigger_only_on_success"] = false;
        }
        else
        {
            dep["targets"] = new JsonArray(new JsonArray(d.Trigger, "click"));
        }
        dep["inputs"] = new JsonArray(d.Inputs.Select(c => (JsonNode)c.Id).ToArray());
        dep["outputs"] = new JsonArray(d.Outputs.Select(c => (JsonNode)c.Id).ToArray());
        dep["backend_fn"] = d.BackendFn;
        dep["js"] = d.Js;
        dep["queue"] = p.IsV3 ? null : true;
        dep["api_name"] = d.ApiNameFalse ? false : d.ApiName;
        dep["scroll_to_output"] = false;
        dep["show_progress"] = "full";
        if (!p.Titles) dep["every"] = null;
        dep["batch"] = false;
        dep["max_batch_size"] = 4;
        dep["cancels"] = new JsonArray();
        var types = new JsonObject();
        if (!p.Titles) types["continuous"] = false;
        types["generator"] = d.Generator;
        if (!p.IsV3) types["cancel"] = false;
        dep["types"] = types;
        dep["collects_event_data"] = false;
        if (!p.IsV3)
        {
            dep["trigger_after"] = null;
            dep["trigger_only_on_success"] = false;
        }
        dep["trigger_mode"] = "once";
        if (p.ApiVisibility) dep["api_visibility"] = d.ShowApi ? "public" : "undocumented";
        else if (p.EventShowApi) dep["show_api"] = d.ShowApi;
        if (p.HasCall && !p.Titles) dep["zerogpu"] = false;
        if (p.RenderFields) dep["rendered_in"] = null;
        if (p.Titles)
        {
            dep["connection"] = "sse";
            dep["time_limit"] = null;
            dep["stream_every"] = 0.5;
            dep["like_user_message"] = false;
            dep["event_specific_args"] = null;
        }
        return dep;
    }
}
