using System.Collections.Generic;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>
/// A call's arguments bound to its endpoint's parameters once, at the caller's edge (by position,
/// by name or by index) and checked there: the values keyed by parameter index, not yet JSON.
/// Made by <see cref="EndpointInfo.Bind"/> and its siblings.
/// </summary>
public sealed class BoundArguments
{
    internal BoundArguments(EndpointInfo endpoint, IReadOnlyDictionary<int, object?> values)
    {
        Endpoint = endpoint;
        Values = values;
    }

    public EndpointInfo Endpoint { get; }

    /// <summary>The values given, by parameter index; the others take their defaults when sent.</summary>
    public IReadOnlyDictionary<int, object?> Values { get; }
}
