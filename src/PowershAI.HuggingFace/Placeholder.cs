namespace PowershAI.HuggingFace { internal static class Placeholder { } }
