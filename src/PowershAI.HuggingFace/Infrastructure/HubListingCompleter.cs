using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Tab completion for the Find-HuggingFace* listing parameters: -Sort (the keys the Hub sorts
/// by), -Expand (the fields it expands, per repo type; docs/hub-api.md) and -Filter (common tags;
/// any other tag is still accepted).
/// </summary>
public sealed class HubListingCompleter : IArgumentCompleter
{
    static readonly string[] SortKeys = { "downloads", "likes", "trendingScore", "lastModified", "createdAt", "likes30d", "id" };

    static readonly string[] ModelExpand =
    {
        "author", "baseModels", "cardData", "childrenModelCount", "config", "createdAt", "disabled", "downloads",
        "downloadsAllTime", "evalResults", "gated", "gguf", "inference", "inferenceProviderMapping", "lastModified",
        "library_name", "likes", "mask_token", "model-index", "pipeline_tag", "private", "resourceGroup", "safetensors",
        "sha", "siblings", "spaces", "tags", "transformersInfo", "trendingScore", "usedStorage", "widgetData", "xetEnabled",
    };

    static readonly string[] DatasetExpand =
    {
        "author", "cardData", "citation", "createdAt", "description", "disabled", "downloads", "downloadsAllTime", "gated",
        "lastModified", "likes", "mainSize", "paperswithcode_id", "private", "resourceGroup", "sha", "siblings", "tags",
        "trendingScore", "usedStorage", "xetEnabled",
    };

    static readonly string[] ModelTags =
    {
        "text-generation", "text-classification", "token-classification", "question-answering", "summarization",
        "translation", "fill-mask", "feature-extraction", "sentence-similarity", "text-to-image", "image-to-text",
        "image-classification", "object-detection", "automatic-speech-recognition", "text-to-speech",
        "transformers", "diffusers", "sentence-transformers", "gguf", "safetensors", "pytorch", "onnx",
    };

    static readonly string[] DatasetTags =
    {
        "modality:text", "modality:image", "modality:audio", "modality:tabular", "format:parquet", "format:json",
        "format:csv", "size_categories:n<1K", "size_categories:1K<n<10K", "task_categories:text-generation",
        "task_categories:text-classification", "task_categories:question-answering", "language:en",
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var datasets = commandName.IndexOf("Dataset", System.StringComparison.OrdinalIgnoreCase) >= 0;
        var values = parameterName switch
        {
            "Sort" => SortKeys,
            "Expand" => datasets ? DatasetExpand : ModelExpand,
            _ => datasets ? DatasetTags : ModelTags,
        };
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return values.Where(pattern.IsMatch).Select(v => new CompletionResult(v.IndexOfAny(new[] { '<', ' ' }) >= 0 ? "'" + v + "'" : v, v, CompletionResultType.ParameterValue, v));
    }
}
