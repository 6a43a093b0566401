using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// A request as the server received it. Host tells the Hub (127.0.0.1) from the CDN (localhost);
/// Headers keep Authorization as sent, so tests can check it was dropped. Body is set for text bodies only.
/// </summary>
public sealed record RecordedRequest(
    string Host,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string? Body);
