using System;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>gr.Error: its message always reaches the client, unlike other exceptions.</summary>
internal sealed class GradioError(string message) : Exception(message);
