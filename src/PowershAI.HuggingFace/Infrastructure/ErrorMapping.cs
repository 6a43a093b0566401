using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>The one place where failures become ErrorRecords: a stable id and a real category per kind.</summary>
static class ErrorMapping
{
    public static ErrorRecord ToRecord(Exception ex, object? target)
    {
        if (ex is GradioException g)
        {
            var (id, category) = Classify(g);
            return new ErrorRecord(g, id, category, (object?)g.Target ?? target);
        }
        return new ErrorRecord(ex, "GradioUnexpectedError", ErrorCategory.NotSpecified, target);
    }

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
