using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The server's upload/cache folder (Gradio's /tmp/gradio): content-addressed sub-folders, FileData
/// values in the profile's shape, and the check that input files were uploaded here.
/// </summary>
internal sealed class FileStore(string directory, Profile profile, string prefix)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Stores content as {dir}/{sha256 or sha1 of content}/{name} and returns the path.</summary>
    public string Save(byte[] content, string name)
    {
        var hash = profile.UploadSha256 ? SHA256.HashData(content) : SHA1.HashData(content);
        var path = Target(hash, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>An upload's file received into a temporary file, not yet in the store.</summary>
    public sealed record Received(string Temporary, byte[] Hash, long Length);

    /// <summary>
    /// An upload read as it arrives: hashed while it is written to a temporary file, so a file of
    /// any size costs no memory; <see cref="Keep"/> then moves it into place, or <see cref="Discard"/>
    /// drops it (a refused upload leaves nothing in the store).
    /// </summary>
    public async Task<Received> ReceiveAsync(Stream content, CancellationToken ct)
    {
        var temporary = Path.Combine(Directory, "upload-" + Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(profile.UploadSha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return new Received(temporary, hash.GetHashAndReset(), new FileInfo(temporary).Length);
    }

    public string Keep(Received file, string name)
    {
        var path = Target(file.Hash, name);
        File.Move(file.Temporary, path, overwrite: true);
        return path;
    }

    public static void Discard(Received file) => File.Delete(file.Temporary);

    private string Target(byte[] hash, string name)
    {
        var folder = Path.Combine(Directory, Convert.ToHexStringLower(hash));
        System.IO.Directory.CreateDirectory(folder);
        return Path.Combine(folder, SafeName(name));
    }

    /// <summary>The full path when it lies inside the folder (a download or input may use it), else null.</summary>
    public string? Allowed(string path)
    {
        if (!Path.IsPathFullyQualified(path)) return null;
        var full = Path.GetFullPath(path);
        return full.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>An output file as the client sees it: FileData (4.x+) or a 3.x file dict.</summary>
    public JsonObject Output(string path, string root)
    {
        var size = new FileInfo(path).Length;
        var name = Path.GetFileName(path);
        if (profile.IsV3)
        {
            return new JsonObject { ["name"] = path, ["data"] = null, ["is_file"] = true, ["orig_name"] = name, ["size"] = size };
        }
        var data = new JsonObject
        {
            ["path"] = path, ["url"] = $"{root}{prefix}/file={path}", ["size"] = size, ["orig_name"] = name, ["mime_type"] = null,
        };
        if (profile.FileIsStream) data["is_stream"] = false;
        if (profile.FileMeta) data["meta"] = new JsonObject { ["_type"] = "gradio.FileData" };
        return data;
    }

    /// <summary>Preprocesses a file input into a local path (null stays null), failing like Gradio's validation.</summary>
    public string? Input(JsonNode? value)
    {
        if (value is null) return null;
        if (value is not JsonObject file) throw new InvalidOperationException($"Expected a file object, got {PyJson.Compact(value)}");
        if (profile.IsV3) return LegacyInput(file);
        if ((string?)file["meta"]?["_type"] != "gradio.FileData" && profile.RequireFileMeta)
            throw new InvalidOperationException("1 validation error for FileData: meta {'_type': 'gradio.FileData'} is required");
        var path = file["path"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>()
            : throw new InvalidOperationException("1 validation error for FileData: path field required");
        return Allowed(path) is { } full && File.Exists(full)
            ? full
            : throw new InvalidOperationException($"File {path} is not in the upload folder and cannot be accessed.");
    }

    /// <summary>3.x: {name, data, is_file, orig_name, size}; is_file names an uploaded file, else data is a base64 data URL.</summary>
    private string LegacyInput(JsonObject file)
    {
        var origName = (string?)file["orig_name"] ?? "file";
        if (file["is_file"]?.GetValue<bool>() == true)
        {
            var name = (string?)file["name"] ?? "";
            return Allowed(name) is { } full && File.Exists(full)
                ? full
                : throw new InvalidOperationException($"File {name} is not in the upload folder and cannot be accessed.");
        }
        var dataUrl = (string?)file["data"] ?? throw new InvalidOperationException("File data missing");
        var base64 = dataUrl[(dataUrl.IndexOf(',') + 1)..];
        return Save(Convert.FromBase64String(base64), origName);
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name).Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
        return string.IsNullOrWhiteSpace(clean) || clean is "." or ".." ? "file" : clean;
    }
}
