using System.IO;

namespace PowershAI.HuggingFace.Core.Files;

/// <summary>
/// Where one download goes inside its folder: the server's (sanitised) name or a name the user
/// chose, and whether an existing file of that name is replaced or the download takes the next
/// free name ("a.png", "a-1.png", ...).
/// </summary>
public sealed class SaveTarget
{
    /// <summary>The file name to use; null keeps the server's name.</summary>
    public string? FileName { get; set; }

    /// <summary>Replace an existing file instead of picking a free name.</summary>
    public bool Overwrite { get; set; }

    internal string PathIn(string directory, string serverName)
    {
        var name = FileName ?? serverName;
        return Overwrite ? Path.Combine(directory, SafeFileName.From(name)) : SafeFileName.UniquePath(directory, name);
    }
}
