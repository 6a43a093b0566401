using System;
using System.Collections.Generic;
using System.IO;
using PowershAI.HuggingFace.Core.Hub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

/// <summary>Tests that change process-wide state (environment, settings, session token) run alone, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HubEnvironmentCollection
{
    public const string Name = "Hub environment";
}

/// <summary>
/// Per test: clears every variable the Hub core reads, starts from a fresh <see cref="ClientState"/>
/// (no settings, no session token, no Space hosts), gives a temp folder, and puts the variables
/// back afterwards.
/// </summary>
public abstract class HubEnvironmentTest : IDisposable
{
    static readonly string[] Variables =
    {
        "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_API_TOKEN", "HF_TOKEN_PATH", "HF_HOME", "XDG_CACHE_HOME",
        "HF_ENDPOINT", "HF_INFERENCE_ENDPOINT",
    };

    readonly Dictionary<string, string?> _saved = new();

    protected HubEnvironmentTest()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
        ClientState.Reset();
        Temp = Path.Combine(Path.GetTempPath(), "hubtest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Temp);
    }

    protected string Temp { get; }

    public void Dispose()
    {
        foreach (var pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        ClientState.Reset();
        Directory.Delete(Temp, recursive: true);
    }
}
