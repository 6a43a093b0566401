using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security;
using System.Text;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// The token file huggingface_hub reads and `hf auth login` writes (docs/hub-api.md §2.3), so a login
/// made with either tool works for the other.
/// </summary>
public static class TokenFile
{
    /// <summary>HF_TOKEN_PATH, else $HF_HOME/token.</summary>
    public static string Path => Variable("HF_TOKEN_PATH") ?? System.IO.Path.Combine(HfHome, "token");

    /// <summary>HF_HOME, else $XDG_CACHE_HOME/huggingface, else ~/.cache/huggingface (%USERPROFILE% on Windows).</summary>
    public static string HfHome =>
        Variable("HF_HOME")
        ?? (Variable("XDG_CACHE_HOME") is { } xdg ? System.IO.Path.Combine(xdg, "huggingface") : null)
        ?? System.IO.Path.Combine(Home, ".cache", "huggingface");

    /// <summary>The token in the file, trimmed; null when there is no file, it is empty, or it cannot be read.</summary>
    internal static string? Read(string path)
    {
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
            return text.Length > 0 ? text : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="token"/> as the active token, readable by the current user only, and
    /// returns the path. The content goes into a new file that is restricted before anything is
    /// written to it, then renamed over the old one, so the token is never in a file others can read.
    /// </summary>
    public static string Persist(SecureString token)
    {
        var path = Path;
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = System.IO.Path.Combine(directory, ".token." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (File.Create(temp)) { }
                RestrictToUser(temp);
                File.WriteAllText(temp, new NetworkCredential("", token).Password.Trim(), new UTF8Encoding(false));
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
                return path;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new HubException(HubErrorKind.TokenFile, $"The token could not be written to {path}: {ex.Message}", ex) { Url = path };
        }
    }

    /// <summary>
    /// Mode 0600 on Unix. netstandard2.0 has no API for it, but every runtime PowerShell 7 runs on
    /// Unix (.NET 7+) has File.SetUnixFileMode, found by reflection. On Windows the file is under the
    /// user profile, whose inherited ACL already admits only the user, SYSTEM and administrators.
    /// </summary>
    static void RestrictToUser(string path)
    {
        if (Environment.OSVersion.Platform == PlatformID.Win32NT) return;
        var setMode = typeof(File).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "SetUnixFileMode" && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(string));
        if (setMode == null)
            throw new PlatformNotSupportedException("This runtime cannot restrict a file to its owner, so the token was not written to disk.");
        const int userReadWrite = 0x180; // UnixFileMode.UserRead | UnixFileMode.UserWrite, octal 600
        try
        {
            setMode.Invoke(null, new[] { path, Enum.ToObject(setMode.GetParameters()[1].ParameterType, userReadWrite) });
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            throw ex.InnerException;
        }
    }

    static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>A set, non-blank variable, with a leading ~ expanded as huggingface_hub does.</summary>
    static string? Variable(string name)
    {
        var value = EnvironmentVariable.Value(name);
        if (value == null) return null;
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("~\\", StringComparison.Ordinal))
            value = Home + value.Substring(1);
        return value;
    }
}
