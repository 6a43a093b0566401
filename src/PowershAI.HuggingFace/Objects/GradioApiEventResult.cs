using System;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// One event of a call, as Update-GradioApiResult writes it (PowershAI's GradioApiEventResult).
/// PowerShell sees it through <see cref="GradioApiEventResultAdapter"/>.
/// </summary>
public sealed class GradioApiEventResult
{
    internal GradioApiEventResult(int num, string @event, object? data)
    {
        Num = num;
        Ts = DateTime.Now;
        Event = @event;
        Data = data;
    }

    /// <summary>1, 2, 3, … across resumed reads of the same call.</summary>
    public int Num { get; }

    /// <summary>When the event arrived (local time).</summary>
    public DateTime Ts { get; }

    /// <summary>generating, complete, error or heartbeat.</summary>
    public string Event { get; }

    /// <summary>The outputs (an array, one item per output), the error text, or null.</summary>
    public object? Data { get; }

    /// <summary>Filled by generated functions: the upstream results this one came from.</summary>
    public object[]? Pipeline { get; set; }

    public override string ToString() => $"{Num} {Event}";
}
