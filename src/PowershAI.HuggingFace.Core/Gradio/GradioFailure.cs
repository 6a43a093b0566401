using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>The one place where HTTP answers and transport failures become <see cref="GradioException"/>s.</summary>
public static class GradioFailure
{
    const int MaxDetail = 300;

    /// <summary>Classifies a non-success answer. <paramref name="body"/> is the response text, possibly empty.</summary>
    public static GradioException FromResponse(HttpResponseMessage response, string body, string what)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var detail = Detail(body);
        var statusText = $"{code} {response.ReasonPhrase}".Trim();
        var suffix = detail.Length > 0 ? ": " + detail : ".";
        var kind = code switch
        {
            401 => GradioErrorKind.AuthenticationRequired,
            403 when detail.StartsWith("File not allowed", StringComparison.Ordinal) => GradioErrorKind.FileError,
            413 => GradioErrorKind.FileError,
            422 or 400 => GradioErrorKind.InvalidArguments,
            503 when detail.IndexOf("queue", StringComparison.OrdinalIgnoreCase) >= 0 => GradioErrorKind.QueueFull,
            _ => GradioErrorKind.HttpError,
        };
        var message = kind == GradioErrorKind.AuthenticationRequired
            ? $"{what} needs a Gradio login (HTTP {statusText})."
            : $"{what} failed with HTTP {statusText}{suffix}";
        if (code == 429 && RetryAfter.Of(response) is TimeSpan wait) message += $" The app asks to wait {wait.TotalSeconds:0} s (Retry-After).";
        // Only a client told not to follow redirects sees one; where it points is what the caller needs.
        if (code is >= 300 and < 400 && response.Headers.Location is { } location) message += $" It redirects to {location}.";
        return new GradioException(kind, message, status: status, target: response.RequestMessage?.RequestUri?.ToString());
    }

    /// <summary>Classifies an exception thrown while sending or reading; anything not of the transport passes as it is.</summary>
    public static Exception FromException(Exception ex, string what, Uri url, bool timedOut) =>
        ex is GradioException ? ex
        : ex is TransportFailure t ? FromTransport(t)
        : HttpSender.Classify(ex, what, url, timedOut) is { } failure ? FromTransport(failure)
        : ex;

    /// <summary>A transport failure in Gradio's kinds.</summary>
    public static GradioException FromTransport(TransportFailure t) => new(t.Kind switch
    {
        TransportFailureKind.Unreachable => GradioErrorKind.Unreachable,
        TransportFailureKind.Timeout => GradioErrorKind.Timeout,
        TransportFailureKind.TooLarge => GradioErrorKind.ResponseTooLarge,
        _ => GradioErrorKind.StreamDropped,
    }, t.Message, t, target: t.Url?.ToString());

    /// <summary>
    /// A short, single-line reading of an error body: FastAPI's "detail", else the last line of
    /// a Python traceback, else the text itself, cut to a readable length.
    /// </summary>
    public static string Detail(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "";
        var text = body!.Trim();
        if (text.StartsWith("{", StringComparison.Ordinal))
        {
            try
            {
                var node = JsonNode.Parse(text);
                var detail = node?["detail"] ?? node?["error"];
                // 5.38+ answers a 401 with an object: {"detail": {"error": ..., "auth_message": ...}} (docs/gradio-protocol.md §1).
                if (detail is JsonObject o && o["error"] is JsonValue error) detail = error;
                if (detail is JsonValue v && v.TryGetValue<string>(out var s)) text = s;
                else if (detail is JsonArray arr)
                    text = string.Join("; ", arr.Select(d => (d?["msg"] ?? d?["message"])?.ToString() + Location(d)).Where(x => !string.IsNullOrEmpty(x)));
                else if (detail != null) text = detail.ToJsonString();
            }
            catch (System.Text.Json.JsonException) { }
        }
        else if (text.StartsWith("<", StringComparison.Ordinal))
        {
            text = "(an HTML page)";
        }
        else if (text.Contains("Traceback"))
        {
            text = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? text;
        }
        text = ClientState.Current.Secrets.Redact(text).Replace("\r", " ").Replace("\n", " ");
        return text.Length > MaxDetail ? text.Substring(0, MaxDetail) + "…" : text;
    }

    static string Location(JsonNode? d) =>
        d?["loc"] is JsonArray loc ? " (" + string.Join(".", loc.Select(x => x?.ToString())) + ")" : "";

    static Exception Innermost(Exception ex)
    {
        while (ex.InnerException != null) ex = ex.InnerException;
        return ex;
    }
}
