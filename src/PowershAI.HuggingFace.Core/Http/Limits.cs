using System;
using System.Globalization;

namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Size bounds on what a server may make this client hold in memory: one JSON answer (after
/// decompression) and one event-stream message. Defaults fit any Gradio or Hub answer seen in
/// practice; <see cref="JsonVariable"/> and <see cref="MessageVariable"/> change them for the process.
/// </summary>
public sealed class Limits
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The environment variables that raise the limits, named by the errors that hit them.</summary>
    public const string JsonVariable = "POWERSHAI_HF_MAX_JSON_MB";
    public const string MessageVariable = "POWERSHAI_HF_MAX_MESSAGE_MB";

    public long MaxJsonBytes { get; set; } = DefaultMaxBytes;

    public long MaxMessageBytes { get; set; } = DefaultMaxBytes;

    public static Limits FromEnvironment() => new()
    {
        MaxJsonBytes = Megabytes(JsonVariable) ?? DefaultMaxBytes,
        MaxMessageBytes = Megabytes(MessageVariable) ?? DefaultMaxBytes,
    };

    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    static long? Megabytes(string variable) =>
        long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb > 0 ? mb * 1024 * 1024 : null;
}
