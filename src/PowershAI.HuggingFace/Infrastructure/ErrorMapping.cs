using System;
using System.IO;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Which prefix a cmdlet's own error ids carry.</summary>
enum ErrorFamily
{
    Gradio,
    HuggingFace,
}

/// <summary>
/// The one place where failures become ErrorRecords: a stable id (Gradio&lt;Kind&gt; or
/// HuggingFace&lt;Kind&gt;, from the kind enums), a real category, a target, and the hint of what
/// to do in ErrorDetails.RecommendedAction (hints name cmdlet parameters, so they live here and
/// not in the core's messages).
/// </summary>
static class ErrorMapping
{
    /// <summary>The id suffix of anything no kind foresaw.</summary>
    public const string Unexpected = "UnexpectedError";

    public static ErrorRecord ToRecord(Exception ex, ErrorFamily family, object? target)
    {
        var record = ex switch
        {
            GradioException g => new ErrorRecord(g, "Gradio" + g.Kind, Category(g), (object?)g.Target ?? target),
            HubException h => new ErrorRecord(h, "HuggingFace" + h.Kind, Category(h.Kind), (object?)h.RepoId ?? h.Url ?? target),
            // A missing folder comes from a write (one cannot be made under a file): missing inputs are found missing before.
            ItemNotFoundException or FileNotFoundException =>
                new ErrorRecord(ex, family + nameof(GradioErrorKind.FileNotFound), ErrorCategory.ObjectNotFound, target),
            ArgumentException or FormatException or OverflowException or InvalidCastException =>
                new ErrorRecord(ex, family + "InvalidArgument", ErrorCategory.InvalidArgument, target),
            IOException or UnauthorizedAccessException =>
                new ErrorRecord(ex, family + nameof(GradioErrorKind.FileError), ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, target),
            _ => new ErrorRecord(ex, family + Unexpected, ErrorCategory.NotSpecified, target),
        };
        if (Hint(ex) is { } hint) record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = hint };
        return record;
    }

    /// <summary>An error the app itself raised (gr.Error): the call failed with the app's text.</summary>
    public static GradioException AppError(string? message, string? title, string apiName)
    {
        // The app's text may quote what it was sent (an Authorization header): GradioException masks every secret.
        var text = string.IsNullOrEmpty(message) ? $"{apiName} raised an error but the app did not send its text." : message!;
        return new GradioException(GradioErrorKind.AppError, text, target: apiName) { Title = title };
    }

    static ErrorCategory Category(GradioException g) => g.Kind switch
    {
        GradioErrorKind.Unreachable => ErrorCategory.ConnectionError,
        GradioErrorKind.NotGradio => ErrorCategory.InvalidArgument,
        GradioErrorKind.AuthenticationRequired => ErrorCategory.AuthenticationError,
        GradioErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
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
        GradioErrorKind.FileNotFound => ErrorCategory.ObjectNotFound,
        GradioErrorKind.SessionNotFound or GradioErrorKind.CallNotFound or GradioErrorKind.FunctionNotFound => ErrorCategory.ObjectNotFound,
        GradioErrorKind.FunctionExists => ErrorCategory.ResourceExists,
        GradioErrorKind.ResponseTooLarge => ErrorCategory.LimitsExceeded,
        GradioErrorKind.SpaceNotRunning => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.InvalidOperation,
    };

    static ErrorCategory Category(HubErrorKind kind) => kind switch
    {
        HubErrorKind.InvalidToken or HubErrorKind.AuthenticationRequired => ErrorCategory.AuthenticationError,
        HubErrorKind.Forbidden or HubErrorKind.GatedRepo => ErrorCategory.PermissionDenied,
        HubErrorKind.RepoNotFound or HubErrorKind.RevisionNotFound or HubErrorKind.EntryNotFound or HubErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        HubErrorKind.BadRequest or HubErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        HubErrorKind.Conflict => ErrorCategory.ResourceExists,
        HubErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        HubErrorKind.DisabledRepo or HubErrorKind.ServerError or HubErrorKind.SpaceNotRunning => ErrorCategory.ResourceUnavailable,
        HubErrorKind.Unreachable => ErrorCategory.ConnectionError,
        HubErrorKind.Timeout => ErrorCategory.OperationTimeout,
        HubErrorKind.MalformedResponse => ErrorCategory.InvalidData,
        HubErrorKind.ResponseTooLarge => ErrorCategory.LimitsExceeded,
        HubErrorKind.TokenFile => ErrorCategory.WriteError,
        HubErrorKind.Offline => ErrorCategory.ResourceUnavailable,
        HubErrorKind.IntegrityCheckFailed => ErrorCategory.InvalidResult,
        _ => ErrorCategory.InvalidOperation,
    };

    static string? Hint(Exception ex) => ex switch
    {
        GradioException { Kind: GradioErrorKind.Unreachable } => "Check the URL and that the app is running.",
        GradioException { Kind: GradioErrorKind.NotGradio } => "Give the URL of the Gradio app itself (the page that shows the app).",
        GradioException { Kind: GradioErrorKind.AuthenticationRequired } => "Pass -Credential with the app's user name and password.",
        GradioException { Kind: GradioErrorKind.AuthenticationFailed } => "Check the user name and password given with -Credential.",
        GradioException { Kind: GradioErrorKind.ApiNotFound } => "List the app's endpoints with Get-GradioEndpoint (or Get-GradioInfo).",
        GradioException { Kind: GradioErrorKind.SessionNotFound } => "List the sessions with Get-GradioSession; open one with New-GradioSession <url>.",
        GradioException { Kind: GradioErrorKind.Timeout } => "Raise -TimeoutSec if the app is slow (or -MaxDurationSec, when the deadline ran out).",
        GradioException { Kind: GradioErrorKind.AppError } => "The app's function failed: check the inputs, or the app's own log.",
        GradioException { Kind: GradioErrorKind.QueueFull } => "Try again later: the app's queue is full.",
        GradioException { Kind: GradioErrorKind.SpaceNotRunning } => "Start-HuggingFaceSpace wakes a sleeping Space (-Wait waits until it runs); Restart-HuggingFaceSpace starts a paused or failed one.",
        GradioException { Kind: GradioErrorKind.ResponseTooLarge } => "Set the environment variable the message names, before importing the module, if the answer is expected to be that large.",
        HubException { Kind: HubErrorKind.AuthenticationRequired } => "Set a token with Set-HuggingFaceToken, the HF_TOKEN variable, or -Token.",
        HubException { Kind: HubErrorKind.InvalidToken } => "Check the token (Set-HuggingFaceToken checks a new one).",
        HubException { Kind: HubErrorKind.Timeout } => "Raise -TimeoutSec, or check that the Hub endpoint answers.",
        HubException { Kind: HubErrorKind.Offline } => "Remove HF_HUB_OFFLINE (Remove-Item Env:HF_HUB_OFFLINE) to reach the Hub (and leave out -Offline).",
        HubException { Kind: HubErrorKind.IntegrityCheckFailed } => "Run the command again: the damaged download was discarded and starts over.",
        _ => null,
    };
}
