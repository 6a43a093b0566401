using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>A request as the server received it; Body is set for JSON and form bodies only.</summary>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body);
