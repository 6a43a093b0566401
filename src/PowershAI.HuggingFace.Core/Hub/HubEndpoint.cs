using System;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// Where the Hub and the inference router are, and huggingface_hub's switches (HF_HUB_OFFLINE,
/// HF_HUB_DISABLE_IMPLICIT_TOKEN). A module setting wins over the environment (HF_ENDPOINT,
/// HF_INFERENCE_ENDPOINT), which wins over the public defaults. Read on every use, so a changed
/// setting or variable applies to the next client.
/// </summary>
public static class HubEndpoint
{
    public const string Default = "https://huggingface.co";
    public const string DefaultRouter = "https://router.huggingface.co/v1";

    /// <summary>Set by the module (a setting); null = HF_ENDPOINT, else <see cref="Default"/>.</summary>
    public static string? Override
    {
        get => ClientState.Current.Hub.EndpointOverride;
        set => ClientState.Current.Hub.EndpointOverride = value;
    }

    /// <summary>Set by the module (a setting); null = HF_INFERENCE_ENDPOINT, else <see cref="DefaultRouter"/>.</summary>
    public static string? RouterOverride
    {
        get => ClientState.Current.Hub.RouterOverride;
        set => ClientState.Current.Hub.RouterOverride = value;
    }

    public static Uri Current => Parse(Override ?? EnvironmentVariable.Value("HF_ENDPOINT") ?? Default, "Hub endpoint");

    /// <summary>The OpenAI-compatible base (…/v1): chat completions are under it.</summary>
    public static Uri Router => Parse(RouterOverride ?? EnvironmentVariable.Value("HF_INFERENCE_ENDPOINT") ?? DefaultRouter, "inference router endpoint");

    /// <summary>HF_HUB_OFFLINE: no request reaches the Hub, the router or a Space (huggingface_hub's meaning).</summary>
    public static bool Offline => EnvironmentVariable.IsOn("HF_HUB_OFFLINE");

    /// <summary>HF_HUB_DISABLE_IMPLICIT_TOKEN: a token from the environment or the token file is not sent; only one given (-Token, Set-HuggingFaceToken).</summary>
    public static bool ImplicitTokenDisabled => EnvironmentVariable.IsOn("HF_HUB_DISABLE_IMPLICIT_TOKEN");

    /// <summary>HF_HUB_ETAG_TIMEOUT: seconds for a file's metadata request (HEAD) of a download; null when unset or not a positive number.</summary>
    public static TimeSpan? EtagTimeout => Seconds("HF_HUB_ETAG_TIMEOUT");

    /// <summary>HF_HUB_DOWNLOAD_TIMEOUT: seconds a download's answer, and each silence while reading it, may take; null when unset or not a positive number.</summary>
    public static TimeSpan? DownloadTimeout => Seconds("HF_HUB_DOWNLOAD_TIMEOUT");

    static TimeSpan? Seconds(string name) =>
        double.TryParse(EnvironmentVariable.Value(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86400
            ? TimeSpan.FromSeconds(s) : null;

    /// <summary><paramref name="path"/> under <paramref name="baseUri"/>, whose own path (a mirror's prefix, /v1) is kept.</summary>
    public static Uri Join(Uri baseUri, string path) => new(baseUri.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'));

    static Uri Parse(string value, string what)
    {
        // huggingface_hub strips the trailing slash of HF_ENDPOINT; Join adds exactly one.
        if (Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return uri;
        throw new HubException(HubErrorKind.InvalidArgument, $"The {what} '{value}' is not an absolute http(s) URL.");
    }
}
