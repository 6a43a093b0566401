using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Blocks.process_api for one event: checks and preprocesses the inputs (State read from the session,
/// files resolved), runs the function, postprocesses each yield (State stored and sent as null, files
/// turned into FileData).
/// </summary>
internal sealed class EventProcessor(ServerContext server)
{
    public async IAsyncEnumerable<JsonArray> RunAsync(Job job, [EnumeratorCancellation] CancellationToken ct)
    {
        var function = job.Fn.Function ?? throw new InvalidOperationException("This event has no backend function.");
        var args = Preprocess(job);
        await foreach (var outputs in function(new JobContext(job, server), args).WithCancellation(ct))
        {
            yield return Postprocess(job, outputs);
        }
    }

    private JsonNode?[] Preprocess(Job job)
    {
        var inputs = job.Fn.Inputs;
        var data = job.Data ?? [];
        if (data.Count < inputs.Length)
        {
            throw new InvalidOperationException(
                $"An event handler ({job.Fn.ApiName ?? "fn"}) didn't receive enough input values (needed: {inputs.Length}, got: {data.Count}).");
        }
        return inputs.Select((component, i) => component.Kind switch
        {
            ComponentKind.State => server.Sessions.GetState(job.SessionHash, component),
            ComponentKind.File => server.Files.Input(data[i]) is { } path ? JsonValue.Create(path) : null,
            ComponentKind.Radio => CheckChoice(component, data[i]),
            _ => data[i]?.DeepClone(),
        }).ToArray();
    }

    private static JsonNode? CheckChoice(Component radio, JsonNode? value)
    {
        if (value is null) return null;
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return text is not null && radio.Choices.Contains(text)
            ? value.DeepClone()
            : throw new GradioError(
                $"Value: {(text is null ? PyJson.Compact(value) : PyJson.Repr(text))} is not in the list of choices: [{string.Join(", ", radio.Choices.Select(PyJson.Repr))}]");
    }

    private JsonArray Postprocess(Job job, JsonNode?[] outputs)
    {
        var wire = new JsonArray();
        foreach (var (component, value) in job.Fn.Outputs.Zip(outputs))
        {
            switch (component.Kind)
            {
                case ComponentKind.State:
                    server.Sessions.SetState(job.SessionHash, component, value);
                    wire.Add(null);
                    break;
                case ComponentKind.File when value is not null:
                    wire.Add(server.Files.Output(value.GetValue<string>(), job.Root));
                    break;
                default:
                    wire.Add(value?.DeepClone());
                    break;
            }
        }
        return wire;
    }
}
