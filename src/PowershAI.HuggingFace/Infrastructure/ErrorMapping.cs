using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>The one place where failures become ErrorRecords: a stable id and a real category per kind (Gradio&lt;Kind&gt;, HuggingFace&lt;Kind&gt;).</summary>
static class ErrorMapping
{
    public static ErrorRecord ToRecord(Exception ex, object? target)
    {
        switch (ex)
        {
            case GradioException g:
                var (id, category) = Classify(g);
                return new ErrorRecord(g, id, category, (object?)g.Target ?? target);
            case HubException h:
                return new ErrorRecord(h, "HuggingFace" + h.Kind, Classify(h.Kind), (object?)h.RepoId ?? target);
            case System.IO.IOException or UnauthorizedAccessException or PlatformNotSupportedException:
                return new ErrorRecord(ex, "HuggingFaceTokenFile", ErrorCategory.WriteError, target);
            default:
                return new ErrorRecord(ex, "GradioUnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    static ErrorCategory Classify(HubErrorKind kind) => kind switch
    {
        HubErrorKind.InvalidToken or HubErrorKind.AuthenticationRequired => ErrorCategory.AuthenticationError,
        HubErrorKind.Forbidden or HubErrorKind.GatedRepo => ErrorCategory.PermissionDenied,
        HubErrorKind.RepoNotFound or HubErrorKind.RevisionNotFound or HubErrorKind.EntryNotFound or HubErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        HubErrorKind.BadRequest => ErrorCategory.InvalidArgument,
        HubErrorKind.Conflict => ErrorCategory.ResourceExists,
        HubErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        HubErrorKind.DisabledRepo or HubErrorKind.ServerError or HubErrorKind.SpaceNotRunning => ErrorCategory.ResourceUnavailable,
        HubErrorKind.Unreachable => ErrorCategory.ConnectionError,
        HubErrorKind.Timeout => ErrorCategory.OperationTimeout,
        HubErrorKind.MalformedResponse => ErrorCategory.InvalidData,
        _ => ErrorCategory.InvalidOperation,
    };

    /// <summary>A -Session argument that names no session.</summary>
    public static ErrorRecord SessionNotFound(Exception ex, object? target) => new(ex, "GradioSessionNotFound", ErrorCategory.ObjectNotFound, target);

    /// <summary>An error the app itself raised (gr.Error), reported without stopping the pipeline.</summary>
    public static ErrorRecord AppError(string? message, string? title, string apiName)
    {
        var text = string.IsNullOrEmpty(message)
            ? $"{apiName} raised an error but the app did not send its text (with -Protocol Call it never does; otherwise launch the app with show_error=True)."
            : message!;
        var ex = new GradioException(GradioErrorKind.AppError, text, target: apiName) { Title = title };
        return new ErrorRecord(ex, Id(GradioErrorKind.AppError), ErrorCategory.InvalidResult, apiName);
    }

    static (string Id, ErrorCategory Category) Classify(GradioException g) => (Id(g.Kind), g.Kind switch
    {
        GradioErrorKind.Unreachable => ErrorCategory.ConnectionError,
        GradioErrorKind.NotGradio => ErrorCategory.InvalidArgument,
        GradioErrorKind.AuthenticationRequired => ErrorCategory.AuthenticationError,
        GradioErrorKind.LoginFailed => ErrorCategory.AuthenticationError,
        GradioErrorKind.ApiNotFound => ErrorCategory.ObjectNotFound,
        GradioErrorKind.InvalidArguments => ErrorCategory.InvalidArgument,
        GradioErrorKind.ProtocolNotSupported => ErrorCategory.NotImplemented,
        GradioErrorKind.QueueFull => ErrorCategory.LimitsExceeded,
        GradioErrorKind.AppError => ErrorCategory.InvalidResult,
        GradioErrorKind.HttpError when (int?)g.StatusCode == 404 => ErrorCategory.ObjectNotFound,
        GradioErrorKind.HttpError when (int?)g.StatusCode == 429 => ErrorCategory.LimitsExceeded,
        GradioErrorKind.HttpError when (int?)g.StatusCode >= 500 => ErrorCategory.ResourceUnavailable,
        GradioErrorKind.HttpError => ErrorCategory.InvalidOperation,
        GradioErrorKind.MalformedResponse => ErrorCategory.InvalidData,
        GradioErrorKind.StreamDropped => ErrorCategory.ConnectionError,
        GradioErrorKind.Timeout => ErrorCategory.OperationTimeout,
        GradioErrorKind.FileError => ErrorCategory.WriteError,
        _ => ErrorCategory.NotSpecified,
    });

    static string Id(GradioErrorKind kind) => "Gradio" + kind;
}
