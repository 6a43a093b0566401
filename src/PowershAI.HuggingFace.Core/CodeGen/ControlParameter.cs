using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PowershAI.HuggingFace.Core.CodeGen;

/// <summary>
/// A parameter every generated function adds to its endpoint's inputs (-Manual, -PipeObj, ...).
/// The cmdlet layer declares them, since it reads them; the generator only writes what it is given.
/// </summary>
public sealed class ControlParameter
{
    static readonly Regex TypeLiteral = new(@"^[\p{L}_][\p{L}\p{Nd}_.]*(\[\])?$", RegexOptions.CultureInvariant);

    public ControlParameter(string name, string typeName, string help, IReadOnlyList<string>? aliases = null, bool fromPipeline = false)
    {
        // Written into code as they are: only plain names may pass.
        if (!PowerShellNames.IsIdentifier(name)) throw new ArgumentException($"'{name}' is not a parameter name.", nameof(name));
        if (!TypeLiteral.IsMatch(typeName)) throw new ArgumentException($"'{typeName}' is not a type name.", nameof(typeName));
        foreach (var alias in aliases ?? Array.Empty<string>())
            if (!PowerShellNames.IsIdentifier(alias)) throw new ArgumentException($"'{alias}' is not an alias.", nameof(aliases));
        Name = name;
        TypeName = typeName;
        Help = help;
        Aliases = aliases ?? Array.Empty<string>();
        FromPipeline = fromPipeline;
    }

    public string Name { get; }

    /// <summary>The type as written in a param block ("switch", "string[]", "int").</summary>
    public string TypeName { get; }

    /// <summary>One short line of help for .PARAMETER: every function repeats it, and PowerShell parses each copy.</summary>
    public string Help { get; }

    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Takes pipeline input, mandatory in the parameter set of piped calls.</summary>
    public bool FromPipeline { get; }
}
