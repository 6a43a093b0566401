using System;
using System.Net;

namespace PowershAI.HuggingFace.Core;

/// <summary>Every failure the core reports: a kind, a readable message and, where there was one, the HTTP status.</summary>
public sealed class GradioException : Exception
{
    public GradioException(GradioErrorKind kind, string message, Exception? inner = null, HttpStatusCode? status = null, string? target = null)
        : base(ServerText.Shown(message), inner)
    {
        Kind = kind;
        StatusCode = status;
        Target = target == null ? null : ClientState.Current.Secrets.Redact(target);
    }

    public GradioErrorKind Kind { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The URL or endpoint the failure is about.</summary>
    public string? Target { get; }

    /// <summary>For <see cref="GradioErrorKind.AppError"/>: the title Gradio gave the error, when any.</summary>
    public string? Title
    {
        get => _title;
        set => _title = value == null ? null : ServerText.Printable(value);
    }

    string? _title;
}
