namespace PowershAI.HuggingFace.Core { internal static class Placeholder { } }
