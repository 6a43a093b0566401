using System;
using System.IO;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// The one check of a local file named for upload, made before anything is sent: it must exist
/// (else FileNotFound), not be a folder, and be a regular file (else FileError). A regular file
/// ends where its size says; a device such as /dev/zero reports size 0 and never ends, so
/// uploading it would read forever.
/// </summary>
public static class LocalFile
{
    public static FileInfo Check(string path)
    {
        if (Directory.Exists(path))
            throw new GradioException(GradioErrorKind.FileError, $"{path} is a folder, not a file: give the files in it.", target: path);
        var file = new FileInfo(path);
        if (!file.Exists) throw new GradioException(GradioErrorKind.FileNotFound, $"File not found: {path}", target: path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            // One byte past the size proves a stream that goes on (a device, a pipe, /proc's files).
            if (!stream.CanSeek) throw NotRegular(path);
            stream.Position = stream.Length;
            if (stream.ReadByte() != -1) throw NotRegular(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new GradioException(GradioErrorKind.FileError, $"Cannot read {path}: {ex.Message}", ex, target: path);
        }
        return file;
    }

    static GradioException NotRegular(string path) =>
        new(GradioErrorKind.FileError, $"{path} is not a regular file (a device or a pipe gives no end to read to): copy what it holds to a file first.", target: path);
}
