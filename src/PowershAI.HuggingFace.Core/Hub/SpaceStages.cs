namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// Space runtime stages (docs/hub-api.md §1.4) as a waiting client sees them. Stages are an open
/// set: one not named here is waited through.
/// </summary>
public static class SpaceStages
{
    public const string Running = "RUNNING";

    /// <summary>Stages that waiting will not leave: the app cannot come up without someone acting.</summary>
    public static bool IsFailure(string stage) =>
        stage is "NO_APP_FILE" or "CONFIG_ERROR" or "BUILD_ERROR" or "RUNTIME_ERROR" or "PAUSED" or "DELETING";

    /// <summary>Asleep: a request to the Space's host starts it.</summary>
    public static bool IsAsleep(string stage) => stage is "SLEEPING" or "STOPPED";

    /// <summary>
    /// What brings a Space in <paramref name="stage"/> up, as the command to run (waking only helps
    /// an asleep Space; a crashed or paused one needs a restart, a starting one only time).
    /// </summary>
    public static string NextStep(string stage, string id) => stage switch
    {
        "SLEEPING" or "STOPPED" => $"Start-HuggingFaceSpace {id} wakes it",
        "PAUSED" => $"Restart-HuggingFaceSpace {id} starts it (only its owner can)",
        "NO_APP_FILE" or "CONFIG_ERROR" or "BUILD_ERROR" or "RUNTIME_ERROR" => $"fix it, or Restart-HuggingFaceSpace {id} (-Factory for a clean rebuild) restarts it",
        "DELETING" => "it is being deleted",
        _ => $"Wait-HuggingFaceSpace {id} waits until it runs",
    };

    /// <summary>Why a Space in <paramref name="stage"/> is not coming up, in words.</summary>
    internal static string Explain(string stage) => stage switch
    {
        "NO_APP_FILE" => "its repo has no app file for its SDK",
        "CONFIG_ERROR" => "the configuration in its README is invalid",
        "BUILD_ERROR" => "its build failed",
        "RUNTIME_ERROR" => "its app crashed",
        "PAUSED" => "its owner paused it, and only the owner can restart it",
        "DELETING" => "it is being deleted",
        "SLEEPING" or "STOPPED" => "it is asleep; a request to its app (waking) starts it",
        _ => "it is not running",
    };
}
