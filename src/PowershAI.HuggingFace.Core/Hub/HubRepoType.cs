namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>The three repo kinds the module reads; the API path uses their plural.</summary>
public enum HubRepoType
{
    Model,
    Dataset,
    Space,
}
