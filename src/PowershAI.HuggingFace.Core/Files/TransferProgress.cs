namespace PowershAI.HuggingFace.Core.Files;

/// <summary>How far an upload or download has come.</summary>
public sealed class TransferProgress
{
    public TransferProgress(string name, long done, long? total)
    {
        Name = name;
        Done = done;
        Total = total;
    }

    public string Name { get; }
    public long Done { get; }
    public long? Total { get; }
}
