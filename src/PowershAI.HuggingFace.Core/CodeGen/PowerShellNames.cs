using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>Function and parameter names for generated code: letters, digits and underscores only, never clashing.</summary>
public static class PowerShellNames
{
    /// <summary>
    /// Names a parameter may never take: PowerShell's common parameters and their aliases, and
    /// variables a function cannot or must not rebind. The control parameters of a generation
    /// come on top (<see cref="ReservedWith"/>).
    /// </summary>
    public static readonly IReadOnlyCollection<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        "UseTransaction", "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf",
        "args", "input", "this", "_", "PSBoundParameters", "PSCmdlet", "MyInvocation", "true", "false", "null",
        // Automatic variables that are read-only or constant in every scope: a parameter of that
        // name would fail when the function is called.
        "Host", "PID", "HOME", "ExecutionContext", "PSHOME", "ShellId", "PSVersionTable", "PSEdition", "PSCulture",
        "PSUICulture", "EnabledExperimentalFeatures", "IsCoreCLR", "IsLinux", "IsMacOS", "IsWindows", "Error",
        // The generated body's own variables (ProxyFunctionGenerator): a parameter would overwrite them.
        "SteppablePipeline", ProxyFunctionGenerator.CallVariable,
    };

    /// <summary><see cref="Reserved"/> plus the names and aliases of the control parameters.</summary>
    public static ISet<string> ReservedWith(IEnumerable<ControlParameter> controls)
    {
        var names = new HashSet<string>(Reserved, StringComparer.OrdinalIgnoreCase);
        foreach (var c in controls)
        {
            names.Add(c.Name);
            names.UnionWith(c.Aliases);
        }
        return names;
    }

    /// <summary>
    /// PowershAI's rule: prefix + the endpoint name in title case with everything but letters and
    /// digits removed ("/generate_image" → "Invoke-GradioApiGenerateImage").
    /// </summary>
    public static string Function(string prefix, string apiName, int fallbackIndex)
    {
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(apiName.TrimStart('/').Replace('_', ' '));
        var core = new string(title.Where(IsWordChar).Where(c => c != '_').ToArray());
        return prefix + (core.Length == 0 ? "Fn" + fallbackIndex : core);
    }

    /// <summary>Whether a user's prefix is usable in a function name.</summary>
    public static bool IsValidPrefix(string prefix) => prefix.Length > 0 && char.IsLetter(prefix[0]) && prefix.All(c => IsWordChar(c) || c == '-');

    /// <summary>
    /// A parameter name from a Python name or a label, never one of <paramref name="reserved"/>;
    /// <paramref name="taken"/> (case-insensitive) is updated.
    /// </summary>
    public static string Parameter(string? preferred, string? label, int index, ISet<string> taken, ISet<string> reserved)
    {
        var name = Clean(preferred);
        if (name.Length == 0) name = Clean(label);
        if (name.Length == 0) name = "Param" + index;
        if (char.IsDigit(name[0])) name = "P" + name;
        if (reserved.Contains(name)) name += "Value";
        var unique = name;
        for (var i = 2; taken.Contains(unique); i++) unique = name + i;
        taken.Add(unique);
        return unique;
    }

    /// <summary>The words of a name or label joined in Pascal case, as PowerShell names go ("file_path" → "FilePath", "Duration, in, seconds" → "DurationInSeconds").</summary>
    static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder();
        foreach (var word in text!.Trim().Split(c => !char.IsLetterOrDigit(c)))
            if (word.Length > 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
        return sb.ToString();
    }

    /// <summary>Letters, digits and underscores, not starting with a digit: usable bare as a parameter or alias.</summary>
    public static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(IsWordChar);

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    static IEnumerable<string> Split(this string s, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && !isSeparator(s[i])) continue;
            yield return s.Substring(start, i - start);
            start = i + 1;
        }
    }
}
