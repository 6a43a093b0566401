namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// The Space state machine (docs/hub-api.md §6.7). An action sets the first stage at once and queues the rest; every
/// runtime poll reports the current stage and then moves one step, so a waiting client sees each stage.
/// Callers hold <see cref="Catalogue.Gate"/>.
/// </summary>
internal static class SpaceLifecycle
{
    public static bool IsAsleep(string stage) => stage is "SLEEPING" or "STOPPED";

    /// <summary>POST restart: BUILDING, APP_STARTING, then <see cref="FakeSpace.RestartOutcome"/>.</summary>
    public static void Restart(FakeSpace space)
    {
        Set(space, "BUILDING", null);
        var message = space.RestartErrorMessage ?? DefaultError(space.RestartOutcome);
        switch (space.RestartOutcome)
        {
            case "BUILD_ERROR":
                space.Pending.Enqueue(("BUILD_ERROR", message));
                break;
            case "RUNTIME_ERROR":
                space.Pending.Enqueue(("APP_STARTING", null));
                space.Pending.Enqueue(("RUNTIME_ERROR", message));
                break;
            default:
                space.Pending.Enqueue(("APP_STARTING", null));
                space.Pending.Enqueue((space.RestartOutcome, null));
                break;
        }
    }

    public static void Pause(FakeSpace space) => Set(space, "PAUSED", null);

    /// <summary>A request to the Space's host: a sleeping Space starts its app; any other stage is left alone.</summary>
    public static void Wake(FakeSpace space)
    {
        if (!IsAsleep(space.Stage)) return;
        Set(space, "APP_STARTING", null);
        space.Pending.Enqueue(("RUNNING", null));
    }

    /// <summary>One runtime poll happened: the next queued stage becomes current.</summary>
    public static void Advance(FakeSpace space)
    {
        if (space.Pending.TryDequeue(out var next))
        {
            space.Stage = next.Stage;
            space.ErrorMessage = next.ErrorMessage;
        }
    }

    public static void Set(FakeSpace space, string stage, string? errorMessage)
    {
        space.Pending.Clear();
        space.Stage = stage;
        space.ErrorMessage = errorMessage ?? DefaultError(stage);
    }

    private static string? DefaultError(string stage) => stage switch
    {
        "BUILD_ERROR" => "Build failed with exit code: 1",
        "RUNTIME_ERROR" => "Exit code: 1. Reason: ModuleNotFoundError: No module named 'missing_dep'",
        _ => null,
    };
}
