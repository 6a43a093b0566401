using System;
using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// A Space and its runtime. Stage changes after restart, pause or a wake request are applied by the
/// server, one step per runtime poll; see <see cref="FakeHubServer.SetStage"/> to force one.
/// </summary>
public sealed class FakeSpace : FakeRepo
{
    public FakeSpace(string id, string sdk = "gradio", string? sdkVersion = "5.14.0")
        : base(FakeRepoType.Space, id)
    {
        Sdk = sdk;
        SdkVersion = sdk == "gradio" ? sdkVersion : null;
        Subdomain = id.ToLowerInvariant().Replace('/', '-').Replace('_', '-').Replace('.', '-');
        if (sdk == "static") Hardware = null;
    }

    /// <summary>"gradio", "docker", "static" or "streamlit".</summary>
    public string Sdk { get; set; }

    /// <summary>cardData.sdk_version (the Gradio version; tells clients the API prefix).</summary>
    public string? SdkVersion { get; set; }

    public string Stage { get; set; } = "RUNNING";

    /// <summary>runtime.errorMessage, reported on BUILD_ERROR and RUNTIME_ERROR.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>runtime.hardware.requested; current is the same while the app runs. null for static Spaces.</summary>
    public string? Hardware { get; set; } = "cpu-basic";

    /// <summary>runtime.gcTimeout (seconds before the Space sleeps); set by /sleeptime.</summary>
    public int? SleepTimeSeconds { get; set; } = 172800;

    /// <summary>runtime.storage: null, "small", "medium" or "large" (persistent storage; set when duplicated).</summary>
    public string? Storage { get; set; }

    /// <summary>Secrets by key; the Hub never answers their values (GET …/secrets lists keys only).</summary>
    public Dictionary<string, FakeSpaceSetting> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables by key.</summary>
    public Dictionary<string, FakeSpaceSetting> Variables { get; } = new(StringComparer.Ordinal);

    public string Subdomain { get; set; }

    /// <summary>
    /// What `host` reports. null = the emulator's own /spaces-host/{id} route; a Uri = a local
    /// Gradio server (reported without the trailing slash, as the Hub writes hosts).
    /// </summary>
    public Uri? Host { get; set; }

    /// <summary>Where a restart ends: "RUNNING" (default), "BUILD_ERROR" or "RUNTIME_ERROR".</summary>
    public string RestartOutcome { get; set; } = "RUNNING";

    /// <summary>errorMessage when <see cref="RestartOutcome"/> is an error stage.</summary>
    public string? RestartErrorMessage { get; set; }

    public List<string> Models { get; } = [];
    public List<string> Datasets { get; } = [];

    /// <summary>Stages still to come, one per runtime poll.</summary>
    internal Queue<(string Stage, string? ErrorMessage)> Pending { get; } = new();
}
