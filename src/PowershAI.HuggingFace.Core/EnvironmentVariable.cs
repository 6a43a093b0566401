namespace PowershAI.HuggingFace.Core;

/// <summary>How the module reads an environment variable, as huggingface_hub reads its own.</summary>
public static class EnvironmentVariable
{
    /// <summary>The variable's value without blanks around, or null when it is unset or blank.</summary>
    public static string? Value(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Whether the variable is 1, ON, YES or TRUE, in any case.</summary>
    public static bool IsOn(string name) => Value(name)?.ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";
}
