namespace PowershAI.HuggingFace.FakeHub;

/// <summary>Everything the routes share for one server instance.</summary>
internal sealed class ServerState
{
    public ServerState(FakeHubOptions options)
    {
        Options = options;
        Catalogue = new Catalogue(options);
        RateLimiter = new RateLimiter(options);
    }

    public FakeHubOptions Options { get; }
    public Catalogue Catalogue { get; }
    public RateLimiter RateLimiter { get; }

    /// <summary>The CDN's local port, known once Kestrel has bound it; requests on it are CDN requests.</summary>
    public int CdnPort { get; set; }

    /// <summary>"http://localhost:CDNPORT", a different host name from the Hub's on purpose.</summary>
    public string CdnOrigin => $"http://localhost:{CdnPort}";

    /// <summary>LFS content uploaded through the CDN, by sha256, waiting for a commit to use it.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> LfsObjects { get; } = new();

    /// <summary>Parts of multipart LFS uploads, by sha256 then part number, until their completion joins them.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>> LfsParts { get; } = new();

    /// <summary>Signalled when the server shuts down, so streams end at once.</summary>
    public System.Threading.CancellationToken Stopping { get; set; }
}
