using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// -Include/-Exclude for repo paths, read as huggingface_hub reads allow/ignore patterns: '*' also
/// matches '/', so "*.json" finds config files in folders too, and "folder/" means everything in it.
/// Matching ignores case, as PowerShell wildcards do.
/// </summary>
public sealed class PathFilter
{
    readonly List<Regex> _include;
    readonly List<Regex> _exclude;

    public PathFilter(IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
    {
        _include = (include ?? Enumerable.Empty<string>()).Select(ToRegex).ToList();
        _exclude = (exclude ?? Enumerable.Empty<string>()).Select(ToRegex).ToList();
    }

    public bool Matches(string path) =>
        (_include.Count == 0 || _include.Any(r => r.IsMatch(path))) && !_exclude.Any(r => r.IsMatch(path));

    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

    static Regex ToRegex(string pattern)
    {
        if (pattern.EndsWith("/", StringComparison.Ordinal)) pattern += "*";
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + 2) : -1;
            if (c == '*') regex.Append(".*");
            else if (c == '?') regex.Append('.');
            else if (close > 0)
            {
                var set = pattern.Substring(i + 1, close - i - 1);
                regex.Append('[').Append(set[0] == '!' ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                i = close;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
