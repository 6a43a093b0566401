namespace PowershAI.HuggingFace.Core.Http;

/// <summary>
/// Where the HTTP layer reports what it does: one verbose line per request, answer, retry and
/// wait, and debug lines with headers. Lines arrive already masked. The cmdlet layer writes them
/// to -Verbose and -Debug; the core never writes anywhere itself.
/// </summary>
public interface IHttpLog
{
    void Verbose(string line);

    void Debug(string line);
}
