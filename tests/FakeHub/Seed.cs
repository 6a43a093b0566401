using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// The default catalogue: 30 models by five authors (a listing with limit=10 takes three pages),
/// datasets, and Spaces in every stage the module must handle. Numbers are fixed so sorts are predictable.
/// </summary>
internal static class Seed
{
    // id, pipeline_tag, library, extra tags
    private static readonly (string Id, string Task, string Library, string[] Tags)[] ModelTable =
    [
        ("acme/tiny-gpt", "text-generation", "transformers", ["gpt2", "license:mit", "en"]),
        ("acme/small-bert", "fill-mask", "transformers", ["bert", "license:apache-2.0", "en"]),
        ("acme/sentiment-roberta", "text-classification", "transformers", ["roberta", "license:mit", "dataset:acme/imdb-mini"]),
        ("acme/whisper-mini", "automatic-speech-recognition", "transformers", ["whisper", "license:apache-2.0"]),
        ("acme/vit-base-patch16", "image-classification", "transformers", ["vit", "license:apache-2.0"]),
        ("acme/t5-small-summarizer", "summarization", "transformers", ["t5", "license:apache-2.0", "en"]),
        ("acme/clip-tiny", "zero-shot-image-classification", "transformers", ["clip", "license:mit"]),
        ("acme/tiny-llama-gguf", "text-generation", "gguf", ["gguf", "llama", "license:mit"]),
        ("contoso/phi-mini-instruct", "text-generation", "transformers", ["phi3", "conversational", "license:mit", "en"]),
        ("contoso/e5-small", "sentence-similarity", "sentence-transformers", ["bert", "license:mit", "en"]),
        ("contoso/ner-distilbert", "token-classification", "transformers", ["distilbert", "license:apache-2.0", "dataset:contoso/squad-lite"]),
        ("contoso/detr-resnet", "object-detection", "transformers", ["detr", "license:apache-2.0"]),
        ("contoso/sd-tiny", "text-to-image", "diffusers", ["stable-diffusion", "license:openrail"]),
        ("contoso/marian-en-fr", "translation", "transformers", ["marian", "license:apache-2.0", "en", "fr"]),
        ("contoso/qwen-mini-gguf", "text-generation", "gguf", ["gguf", "qwen2", "conversational", "license:apache-2.0"]),
        ("fabrikam/bart-large-mnli", "zero-shot-classification", "transformers", ["bart", "license:mit", "en"]),
        ("fabrikam/wav2vec-small", "automatic-speech-recognition", "transformers", ["wav2vec2", "license:apache-2.0"]),
        ("fabrikam/layoutlm-docs", "document-question-answering", "transformers", ["layoutlm", "license:mit"]),
        ("fabrikam/segformer-b0", "image-segmentation", "transformers", ["segformer", "license:other"]),
        ("fabrikam/tapas-mini", "table-question-answering", "transformers", ["tapas", "license:apache-2.0"]),
        ("fabrikam/mistral-tiny", "text-generation", "transformers", ["mistral", "conversational", "license:apache-2.0", "en"]),
        ("fabrikam/bge-reranker", "text-classification", "sentence-transformers", ["xlm-roberta", "license:mit"]),
        ("owner/echo-model", "text-generation", "transformers", ["gpt2", "license:mit"]),
        ("owner/tiny-classifier", "text-classification", "transformers", ["distilbert", "license:mit", "dataset:owner/demo-data"]),
        ("owner/tts-mini", "text-to-speech", "transformers", ["vits", "license:mit"]),
        ("alice/finetuned-bert", "fill-mask", "transformers", ["bert", "license:mit"]),
        ("alice/lora-adapter", "text-generation", "peft", ["lora", "license:mit"]),
        ("northwind/ocr-small", "image-to-text", "transformers", ["trocr", "license:mit"]),
    ];

    public static List<FakeRepo> Create()
    {
        var repos = new List<FakeRepo>();
        for (var i = 0; i < ModelTable.Length; i++)
        {
            var (id, task, library, tags) = ModelTable[i];
            repos.Add(Model(i, id, task, library, tags));
        }

        var gated = Model(ModelTable.Length, "contoso/gated-llm", "text-generation", "transformers", ["llama", "license:other"]);
        gated.Gated = "manual";
        gated.GatedApprovedUsers.Add("alice");
        repos.Add(gated);

        var hidden = Model(ModelTable.Length + 1, "alice/private-model", "text-classification", "transformers", ["bert"]);
        hidden.Private = true;
        repos.Add(hidden);

        repos.Add(Dataset(0, "acme/imdb-mini", ["task_categories:text-classification", "language:en", "size_categories:1K<n<10K", "license:mit"]));
        repos.Add(Dataset(1, "contoso/squad-lite", ["task_categories:question-answering", "language:en", "size_categories:10K<n<100K", "license:cc-by-4.0"]));
        repos.Add(Dataset(2, "fabrikam/cifar-tiny", ["task_categories:image-classification", "size_categories:1K<n<10K", "license:mit"]));
        repos.Add(Dataset(3, "owner/demo-data", ["task_categories:text-classification", "language:en", "language:fr", "license:mit"]));
        var gatedData = Dataset(4, "contoso/gated-corpus", ["task_categories:text-generation", "language:en", "license:other"]);
        gatedData.Gated = "auto";
        repos.Add(gatedData);
        var privateData = Dataset(5, "alice/private-dataset", ["language:en"]);
        privateData.Private = true;
        repos.Add(privateData);

        var demo = Space(0, "owner/demo", "gradio", "5.14.0", "RUNNING");
        demo.Models.Add("acme/tiny-gpt");
        demo.Datasets.Add("owner/demo-data");
        repos.Add(demo);
        repos.Add(Space(1, "owner/demo-v4", "gradio", "4.37.2", "RUNNING"));
        repos.Add(Space(2, "owner/sleepy", "gradio", "5.14.0", "SLEEPING"));
        var broken = Space(3, "owner/broken", "gradio", "5.14.0", "RUNTIME_ERROR");
        broken.ErrorMessage = "Exit code: 1. Reason: ModuleNotFoundError: No module named 'transformers'";
        repos.Add(broken);
        repos.Add(Space(4, "owner/paused", "gradio", "5.14.0", "PAUSED"));
        repos.Add(Space(5, "owner/static-site", "static", null, "RUNNING"));
        var privateSpace = Space(6, "owner/private-space", "gradio", "5.14.0", "RUNNING");
        privateSpace.Private = true;
        repos.Add(privateSpace);
        repos.Add(Space(7, "acme/tiny-gpt-demo", "gradio", "5.9.1", "RUNNING"));
        repos.Add(Space(8, "fabrikam/docker-app", "docker", null, "RUNNING"));
        repos.Add(Space(9, "contoso/build-fails", "gradio", "5.14.0", "BUILD_ERROR"));
        return repos;
    }

    private static FakeRepo Model(int i, string id, string task, string library, string[] tags)
    {
        var repo = FakeRepo.Model(id);
        Stats(repo, i);
        repo.PipelineTag = task;
        repo.LibraryName = library;
        repo.Tags.AddRange(new[] { library }.Concat(library == "transformers" ? ["safetensors"] : []).Append(task).Concat(tags).Append("region:us").Distinct());
        var license = tags.FirstOrDefault(t => t.StartsWith("license:", StringComparison.Ordinal))?["license:".Length..] ?? "other";
        repo.CardData = new JsonObject { ["license"] = license, ["pipeline_tag"] = task, ["library_name"] = library };
        var modelType = tags.FirstOrDefault(t => !t.Contains(':', StringComparison.Ordinal) && t is not ("en" or "fr" or "gguf" or "conversational")) ?? "custom";
        repo.Config = new JsonObject { ["architectures"] = new JsonArray("AutoModel"), ["model_type"] = modelType };
        repo.AddFile(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.gguf filter=lfs diff=lfs merge=lfs -text\n");
        repo.AddFile("README.md", $"---\nlicense: {license}\npipeline_tag: {task}\nlibrary_name: {library}\n---\n\n# {id}\n\nA small model served by the Hub emulator.\n");
        repo.AddFile("config.json", $"{{\"model_type\": \"{modelType}\", \"hidden_size\": 64, \"num_layers\": 2}}\n");
        if (library == "gguf") repo.AddFile("model.Q4_K_M.gguf", Bytes(id, 6000), lfs: true);
        else repo.AddFile("model.safetensors", Bytes(id, 4096), lfs: true);
        return repo;
    }

    private static FakeRepo Dataset(int i, string id, string[] tags)
    {
        var repo = FakeRepo.Dataset(id);
        Stats(repo, i + 40);
        repo.Tags.AddRange([.. tags, "format:parquet", "modality:text", "region:us"]);
        repo.CardData = new JsonObject { ["license"] = tags.FirstOrDefault(t => t.StartsWith("license:", StringComparison.Ordinal))?["license:".Length..] ?? "other" };
        repo.AddFile(".gitattributes", "*.parquet filter=lfs diff=lfs merge=lfs -text\n");
        repo.AddFile("README.md", $"---\nlicense: {repo.CardData["license"]}\n---\n\n# {id}\n");
        repo.AddFile("data/train.csv", "text,label\nhello,1\nworld,0\n");
        repo.AddFile("data/train-00000-of-00001.parquet", Bytes(id, 3000), lfs: true);
        return repo;
    }

    private static FakeSpace Space(int i, string id, string sdk, string? version, string stage)
    {
        var space = new FakeSpace(id, sdk, version) { Stage = stage };
        Stats(space, i + 60);
        space.Tags.AddRange([sdk, "region:us"]);
        var title = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..];
        space.CardData = new JsonObject
        {
            ["title"] = title, ["emoji"] = "🔁", ["colorFrom"] = "blue", ["colorTo"] = "green",
            ["app_file"] = sdk == "static" ? "index.html" : "app.py", ["pinned"] = false, ["license"] = "mit",
        };
        space.AddFile(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
        space.AddFile("README.md", $"---\ntitle: {title}\nsdk: {sdk}\n" + (version is null ? "" : $"sdk_version: {version}\n") + "---\n");
        if (sdk == "static") space.AddFile("index.html", "<!doctype html><html><body>static</body></html>\n");
        else space.AddFile("app.py", "import gradio as gr\n\ngr.Interface(lambda s: s, \"text\", \"text\").launch()\n").AddFile("requirements.txt", "");
        return space;
    }

    private static void Stats(FakeRepo repo, int i)
    {
        // Distinct values, in an order unrelated to the insertion order, so each sort is visible.
        repo.Downloads = (i * 7919 % 100_003) + 10;
        repo.Likes = (i * 37 % 211) + 1;
        repo.TrendingScore = i * 13 % 29;
        repo.CreatedAt = new DateTimeOffset(2023, 1, 1, 9, 30, 0, TimeSpan.Zero).AddDays(i * 11 % 97);
        repo.LastModified = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero).AddHours(i * 53 % 701);
    }

    /// <summary>Reproducible pseudo-random content, different per repo.</summary>
    private static byte[] Bytes(string seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed.Aggregate(17, (h, c) => unchecked(h * 31 + c))).NextBytes(bytes);
        return bytes;
    }
}
