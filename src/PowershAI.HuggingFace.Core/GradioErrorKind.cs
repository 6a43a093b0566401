namespace PowershAI.HuggingFace.Core;

/// <summary>What went wrong, in words the cmdlet layer maps to error ids and categories.</summary>
public enum GradioErrorKind
{
    /// <summary>The URL did not answer (DNS, refused connection, TLS).</summary>
    Unreachable,
    /// <summary>Something answered, but not a Gradio app.</summary>
    NotGradio,
    /// <summary>The app needs a Gradio login (401) and none, or a wrong one, was given.</summary>
    AuthenticationRequired,
    /// <summary>The login was refused (bad user name or password).</summary>
    LoginFailed,
    /// <summary>The endpoint name is not one the app exposes.</summary>
    ApiNotFound,
    /// <summary>The arguments do not fit the endpoint (count, names, types).</summary>
    InvalidArguments,
    /// <summary>The requested protocol is not available on this server.</summary>
    ProtocolNotSupported,
    /// <summary>The app's queue is full (503) or stopped.</summary>
    QueueFull,
    /// <summary>The app ran the function and it raised an error (gr.Error or an exception).</summary>
    AppError,
    /// <summary>An HTTP status the other kinds do not cover (404, 500, ...).</summary>
    HttpError,
    /// <summary>The server sent JSON or SSE that cannot be read.</summary>
    MalformedResponse,
    /// <summary>The event stream ended before the job finished.</summary>
    StreamDropped,
    /// <summary>No answer within the configured time.</summary>
    Timeout,
    /// <summary>A local file could not be read or written.</summary>
    FileError,
}
