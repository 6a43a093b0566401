using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>
/// Puts untrusted text into generated PowerShell safely: single-quoted literals (nothing in
/// them expands) and comment-based help that cannot close its comment or add help sections.
/// </summary>
public static class PowerShellText
{
    /// <summary>
    /// A single-quoted literal. PowerShell takes the typographic quotes ‘ ’ ‚ ‛ as single quotes
    /// too, so each is doubled like ' (what CodeGeneration.EscapeSingleQuotedStringContent does).
    /// </summary>
    public static string Quote(string? text)
    {
        var s = text ?? "";
        var sb = new StringBuilder(s.Length + 2).Append('\'');
        foreach (var c in s)
        {
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') sb.Append(c);
            sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>
    /// One line of help: control characters and line breaks become spaces, comment delimiters
    /// are broken up, and a line that would read as a help keyword (".LINK", ".EXTERNALHELP")
    /// gets a middle dot in front, since PowerShell takes "^\s*\.\w+" as one.
    /// </summary>
    public static string HelpLine(string? text)
    {
        var s = text ?? "";
        // Most lines have no control character: no copy for them.
        if (s.Any(char.IsControl))
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s) sb.Append(char.IsControl(c) ? ' ' : c);
            s = sb.ToString();
        }
        var line = Defuse(s.Trim());
        return HelpKeywordStart.IsMatch(line) ? "\u00B7" + line : line;
    }

    // PowerShell's own test for a help keyword: .NET's \w takes in combining marks and connector
    // punctuation too (".\u0301LINK" is read as a keyword and voids the whole help).
    static readonly Regex HelpKeywordStart = new(@"^\.\w", RegexOptions.CultureInvariant);

    /// <summary>Several lines of help, each made safe as <see cref="HelpLine"/> does.</summary>
    public static string HelpBlock(string? text, string indent = "")
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => HelpLine(l));
        return string.Join("\n", lines.Select(l => indent + l)).TrimEnd();
    }

    static string Defuse(string s) => s.Replace("#>", "# >").Replace("<#", "< #");

    /// <summary>A number as PowerShell reads it, whatever the current culture.</summary>
    public static string Number(double d) =>
        double.IsNaN(d) || double.IsInfinity(d) ? "0" : d.ToString("R", CultureInfo.InvariantCulture);
}
