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
/// completion through Hugging Face's inference router. -Stream writes the answer token by token
/// as it is generated (and hands each to -StreamCallback); otherwise the whole completion.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "HuggingFaceInferenceApi")]
[Alias("Invoke-HfInference")]
[OutputType(CompletionType, "System.String")]
public sealed class InvokeHuggingFaceInferenceApiCommand : HubCmdlet
{
    const string CompletionType = "PowershAI.HuggingFace.ChatCompletion";

    /// <summary>The model ("meta-llama/Llama-3.1-8B-Instruct", optionally ":provider").</summary>
    [Parameter(Position = 0, Mandatory = true)]
    public string Model { get; set; } = "";

    /// <summary>A prompt, a list of messages (@{role; content}), or a hashtable of request fields (messages, max_tokens, temperature, ...).</summary>
    [Parameter(Position = 1, Mandatory = true, ValueFromPipeline = true)]
    [Alias("Messages", "Prompt")]
    public object Params { get; set; } = null!;

    /// <summary>Called with each streamed token (implies -Stream).</summary>
    [Parameter(Position = 2)]
    public ScriptBlock? StreamCallback { get; set; }

    /// <summary>Write the answer as it is generated, one piece of text at a time.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

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
        var streaming = Stream || StreamCallback != null;
        request["stream"] = streaming;
        var hub = Hub(Token, Public);
        if (!streaming)
        {
            var completion = PSObject.AsPSObject(PSJson.ToPS(Await(ct => hub.ChatAsync(request, ct))));
            completion.TypeNames.Insert(0, CompletionType);   // its view shows the answer's text
            WriteObject(completion);
            return;
        }
        var e = hub.StreamChatAsync(request, CancelToken).GetAsyncEnumerator(CancelToken);
        try
        {
            while (Await(_ => e.MoveNextAsync().AsTask()))
            {
                if (e.Current.Content.Length == 0) continue;
                StreamCallback?.Invoke(e.Current.Content);
                WriteObject(e.Current.Content);
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().Wait();
        }
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
