using System.Collections.Generic;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>What a duplicated Space gets (docs/hub-api.md §1.3); anything left null is the Hub's default.</summary>
public sealed class DuplicateSpaceOptions
{
    public bool? Private { get; set; }

    /// <summary>A hardware flavor (cpu-basic, t4-small, …); an open string, the Hub checks it.</summary>
    public string? Hardware { get; set; }

    /// <summary>Persistent storage: small, medium or large.</summary>
    public string? Storage { get; set; }

    public int? SleepTimeSeconds { get; set; }

    public IList<SpaceSetting> Secrets { get; } = new List<SpaceSetting>();

    public IList<SpaceSetting> Variables { get; } = new List<SpaceSetting>();
}
