using System;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>A Space secret or variable as the emulator keeps it: its value, description and when it was set.</summary>
public sealed record FakeSpaceSetting(string Value, string? Description, DateTimeOffset UpdatedAt);
