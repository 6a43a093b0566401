using System;
using System.Net.Http;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>How <see cref="HttpSender"/> sends one request.</summary>
public sealed class HttpSendOptions
{
    /// <summary>What the request is for, in words that start a message ("Reading the app's /info").</summary>
    public string What { get; set; } = "The request";

    /// <summary>Bound on connecting and on waiting for the answer's headers (and its body, when it is read here).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public HttpCompletionOption Completion { get; set; } = HttpCompletionOption.ResponseHeadersRead;

    public IHttpLog? Log { get; set; }

    /// <summary>Null: one attempt.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>Whether the connection's extra headers (-Headers) go on this request: not on a redirect's hop to another origin.</summary>
    public bool ExtraHeaders { get; set; } = true;
}
