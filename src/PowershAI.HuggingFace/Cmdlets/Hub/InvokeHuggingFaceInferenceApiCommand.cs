using System.Collections;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets.Hub;

/// <summary>
/// Invoke-HuggingFaceInferenceApi (alias Invoke-HfInference): an OpenAI-compatible chat
/// completion through Hugging Face's inference router. -Stream shows the answer as running text
/// while it is generated (host messages, as Write-Host -NoNewline writes them) and then writes
/// the whole completion once; -AsChunks writes each piece of text to the pipeline instead;
/// -StreamCallback is handed each piece.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "HuggingFaceInferenceApi")]
[Alias("Invoke-HfInference")]
[OutputType(CompletionType, StreamedType, "System.String")]
public sealed class InvokeHuggingFaceInferenceApiCommand : HubCmdlet
{
    const string CompletionType = "PowershAI.HuggingFace.ChatCompletion";
    // A streamed completion's view leaves out the text, which was shown as it came.
    const string StreamedType = "PowershAI.HuggingFace.StreamedChatCompletion";
    static readonly string[] HostTag = { "PSHOST" };

    /// <summary>The model ("meta-llama/Llama-3.1-8B-Instruct", optionally ":provider").</summary>
    [Parameter(Position = 0, Mandatory = true)]
    public string Model { get; set; } = "";

    /// <summary>A prompt, a list of messages (@{role; content}), or a hashtable of request fields (messages, max_tokens, temperature, ...).</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Messages", "Prompt")]
    public object Params { get; set; } = null!;

    /// <summary>Called with each streamed piece of text (streams the request; the whole completion is written at the end).</summary>
    [Parameter(Position = 2)]
    public ScriptBlock? StreamCallback { get; set; }

    /// <summary>Show the answer as running text while it is generated, then write the whole completion.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    /// <summary>Write each piece of text to the pipeline as it arrives, and nothing else (implies -Stream).</summary>
    [Parameter]
    public SwitchParameter AsChunks { get; set; }

    /// <summary>Accepted for PowershAI scripts: requests are always OpenAI-style chat completions.</summary>
    [Parameter]
    public SwitchParameter OpenaiChatCompletion { get; set; }

    /// <summary>Send no token.</summary>
    [Parameter]
    public SwitchParameter Public { get; set; }

    [Parameter]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Model;

    protected override void Process()
    {
        var request = Request();
        var streaming = Stream || AsChunks || StreamCallback != null;
        request["stream"] = streaming;
        var hub = Hub(Token, Public);
        if (!streaming)
        {
            WriteObject(Completion(PSJson.ToPS(Await(ct => hub.ChatAsync(request, ct))), CompletionType));
            return;
        }
        var showText = Stream && !AsChunks;
        var answer = new ChatAnswer();
        var e = hub.StreamChatAsync(request, CancelToken).GetAsyncEnumerator(CancelToken);
        try
        {
            while (Await(_ => e.MoveNextAsync().AsTask()))
            {
                answer.Add(e.Current);
                if (e.Current.Content.Length == 0) continue;
                StreamCallback?.Invoke(e.Current.Content);
                if (AsChunks) WriteObject(e.Current.Content);
                else if (showText) WriteHostText(e.Current.Content, newLine: false);
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().Wait();
        }
        if (AsChunks) return;
        if (showText) WriteHostText("", newLine: true);
        WriteObject(Completion(PSJson.ToPS(answer.ToCompletion(Model)), showText ? StreamedType : CompletionType));
    }

    /// <summary>Text for the terminal as Write-Host writes it: the information stream, tagged PSHOST, shown unless silenced.</summary>
    void WriteHostText(string text, bool newLine) =>
        WriteInformation(new HostInformationMessage { Message = text, NoNewLine = !newLine }, HostTag);

    static PSObject Completion(object? json, string typeName)
    {
        var completion = PSObject.AsPSObject(json);
        completion.TypeNames.Insert(0, CompletionType);   // its view shows the answer's text
        if (typeName != CompletionType) completion.TypeNames.Insert(0, typeName);
        return completion;
    }

    /// <summary>The chat request: a prompt becomes one user message; a hashtable supplies the fields.</summary>
    JsonObject Request()
    {
        var value = PSJson.FromPS(Params);
        var request = value is IDictionary d && !d.Contains("role")
            ? (JsonObject)ArgumentConverter.ToJson(d)!
            : new JsonObject { ["messages"] = Messages(value) };
        request["model"] = Model;
        return request;
    }

    static JsonArray Messages(object? value) => value switch
    {
        string prompt => new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
        IDictionary one => new JsonArray(ArgumentConverter.ToJson(one)),
        _ => ArgumentConverter.ToJson(value) as JsonArray ?? new JsonArray(new JsonObject { ["role"] = "user", ["content"] = value?.ToString() }),
    };
}
