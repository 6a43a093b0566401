using System;
using System.IO;
using System.Linq;
using PowershAI.HuggingFace.Core.Files;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Names from servers are untrusted; MIME types for uploads.</summary>
public class SafeFileNameTests
{
    [Theory]
    [InlineData("photo.png", "photo.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("/abs/path/file.txt", "file.txt")]
    [InlineData("dir/", "file")]
    [InlineData("a:b*c?d\"e<f>g|h.txt", "a_b_c_d_e_f_g_h.txt")]
    [InlineData("tab\there.txt", "tab_here.txt")]
    [InlineData("CON", "_CON")]
    [InlineData("con.txt", "_con.txt")]
    [InlineData("LPT1.tar.gz", "_LPT1.tar.gz")]
    [InlineData("CONSOLE.txt", "CONSOLE.txt")]
    [InlineData("name.", "name")]
    [InlineData("  spaced.txt  ", "spaced.txt")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("con .txt", "_con .txt")]
    [InlineData("COM0", "_COM0")]
    [InlineData("lpt\u00b9.log", "_lpt\u00b9.log")]
    [InlineData("CONIN$", "_CONIN$")]
    [InlineData("a .", "a")]
    [InlineData("evil\u202egnp.exe", "evil_gnp.exe")]
    [InlineData("csi\u009b31m.txt", "csi_31m.txt")]
    public void From(string? input, string expected) => Assert.Equal(expected, SafeFileName.From(input));

    [Theory]
    [InlineData("a .")]
    [InlineData(" . name . ")]
    [InlineData("x\u2003.")]
    public void From_twice_is_From_once(string input) => Assert.Equal(SafeFileName.From(input), SafeFileName.From(SafeFileName.From(input)));

    [Fact]
    public void An_extension_too_long_to_keep_is_cut_with_the_name()
    {
        var name = SafeFileName.From(new string('x', 10) + "." + new string('y', 250));
        Assert.Equal(200, name.Length);
        Assert.StartsWith("xxxxxxxxxx.yyy", name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_is_counted_in_UTF8_bytes_and_never_splits_a_character()
    {
        var name = SafeFileName.From(string.Concat(Enumerable.Repeat("\u6f22", 90)) + ".png");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) <= 200);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
        Assert.Equal(65, name.Length - 4);
        var emoji = SafeFileName.From(string.Concat(Enumerable.Repeat("\ud83d\ude00", 60)));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(emoji) <= 200);
        Assert.False(char.IsHighSurrogate(emoji[^1]));
    }

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = SafeFileName.From(new string('a', 300) + ".png");
        Assert.Equal(200, name.Length);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
    }

    [Fact]
    public void UniquePath_counts_up_past_existing_files()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "unique-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            Assert.Equal(Path.Combine(dir, "a.png"), SafeFileName.UniquePath(dir, "a.png"));
            File.WriteAllText(Path.Combine(dir, "a.png"), "");
            File.WriteAllText(Path.Combine(dir, "a-1.png"), "");
            Assert.Equal(Path.Combine(dir, "a-2.png"), SafeFileName.UniquePath(dir, "a.png"));
            Assert.Equal(Path.Combine(dir, "passwd"), SafeFileName.UniquePath(dir, "../../etc/passwd"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("A.JPG", "image/jpeg")]
    [InlineData("clip.wav", "audio/wav")]
    [InlineData("movie.mp4", "video/mp4")]
    [InlineData("doc.pdf", "application/pdf")]
    [InlineData("model.glb", "model/gltf-binary")]
    [InlineData("data.unknownext", "application/octet-stream")]
    [InlineData("noext", "application/octet-stream")]
    public void MimeTypes_by_extension(string name, string expected) => Assert.Equal(expected, MimeTypes.For(name));
}
