using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// An exclusive lock on a file next to the blob being written, so two downloads of the same blob
/// (two shells, two runspaces, huggingface_hub's filelock on POSIX, which also takes flock) never
/// write the same .incomplete file. The lock file is left in place: deleting it would race with a waiter.
/// </summary>
sealed class CacheLock : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    readonly FileStream _stream;

    CacheLock(FileStream stream) => _stream = stream;

    /// <summary>Waits (cancellably) until the lock is free; <paramref name="waiting"/> is called once if it is not at first.</summary>
    public static async Task<CacheLock> AcquireAsync(string path, Action? waiting, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var told = false; ; )
        {
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!told) waiting?.Invoke();
                told = true;
            }
            await Task.Delay(Poll, ct).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stream.Dispose();
}
