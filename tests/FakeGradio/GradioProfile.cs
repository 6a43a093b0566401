namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>One protocol generation of Gradio (docs/gradio-protocol.md §0).</summary>
public enum GradioProfile { V3, V4_0, V4_9, V4_17, V4_21, V4_44, V5, V6 }
