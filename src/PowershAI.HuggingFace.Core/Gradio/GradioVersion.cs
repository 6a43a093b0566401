using System;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.Gradio;

/// <summary>Lenient reading of Gradio's version string ("5.14.0", "4.44.1", "3.50.2b1").</summary>
public static class GradioVersion
{
    static readonly Regex Numbers = new(@"^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?", RegexOptions.CultureInvariant);

    public static Version Parse(string? text)
    {
        var m = Numbers.Match(text ?? "");
        if (!m.Success) return new Version(0, 0, 0);
        int Part(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new Version(Part(1), Part(2), Part(3));
    }
}
