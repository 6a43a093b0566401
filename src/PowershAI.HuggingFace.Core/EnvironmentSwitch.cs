namespace PowershAI.HuggingFace.Core;

/// <summary>How a switch in an environment variable is read, as huggingface_hub reads its own.</summary>
public static class EnvironmentSwitch
{
    /// <summary>Whether <paramref name="variable"/> is 1, ON, YES or TRUE, in any case and with blanks around.</summary>
    public static bool IsOn(string variable) =>
        System.Environment.GetEnvironmentVariable(variable)?.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";
}
