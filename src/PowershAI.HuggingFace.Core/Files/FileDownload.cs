using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Http;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// One body on its way to disk: written to a ".partial" file that is removed on any failure, read
/// under bounds on silence and size, its failures classified by where they happen (network or disk).
/// </summary>
sealed class FileDownload
{
    readonly string _name;
    readonly Uri _url;
    readonly long? _total;
    readonly long _maxBytes;
    readonly TimeSpan _idle;
    readonly IProgress<TransferProgress>? _progress;

    public FileDownload(string name, Uri url, long? total, long maxBytes, TimeSpan idle, IProgress<TransferProgress>? progress)
    {
        _name = name;
        _url = url;
        _total = total;
        _maxBytes = maxBytes;
        _idle = idle;
        _progress = progress;
    }

    public async Task<FileInfo> SaveAsync(HttpResponseMessage response, string directory, SaveTarget saveAs, CancellationToken ct)
    {
        var target = saveAs.PathIn(directory, _name);
        var partial = target + ".partial";
        FileStream sink;
        try
        {
            sink = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, GradioFiles.BufferSize, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not created here (another download may own it), so not deleted either.
            throw CannotSave(directory, ex, target);
        }
        try
        {
            using (sink)
                await CopyAsync(response, sink, ct).ConfigureAwait(false);
            // Only a complete body replaces an existing file (SaveTarget.Overwrite).
            if (saveAs.Overwrite && File.Exists(target)) File.Delete(target);
            File.Move(partial, target);
        }
        catch (Exception ex)
        {
            Remove(partial);
            if (ex is IOException or UnauthorizedAccessException) throw CannotSave(directory, ex, target);
            throw;
        }
        return new FileInfo(target);
    }

    async Task CopyAsync(HttpResponseMessage response, FileStream sink, CancellationToken ct)
    {
        var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var what = "The download of " + _name;
        await OverlappedCopy.CopyAsync(
            chunk => BoundedBody.ReadIdleBoundedAsync(source, chunk, _idle, what, _url, ct).MapFailure(GradioFailure.FromTransport),
            sink, 0, done =>
            {
                if (done > _maxBytes)
                    throw new GradioException(GradioErrorKind.ResponseTooLarge, $"The download of {_name} went on past the limit of {_maxBytes} bytes.", target: _url.ToString());
                _progress?.Report(new TransferProgress(_name, done, _total));
            }, ct).ConfigureAwait(false);
    }

    /// <summary>Best effort: a leftover that cannot be removed must not hide why the download failed.</summary>
    static void Remove(string partial)
    {
        try
        {
            File.Delete(partial);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    GradioException CannotSave(string directory, Exception ex, string target) =>
        new(GradioErrorKind.FileError, $"Cannot save {_name} into {directory}: {ex.Message}", ex, target: target);
}
