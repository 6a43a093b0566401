using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The Blocks app the fake serves: "simple" is apps/simple-app.py, "full" adds one endpoint per
/// behaviour a client must handle. Functions mirror what their Python twins would compute.
/// </summary>
internal sealed partial class FakeApp
{
    private readonly List<Component> _components = [];
    private readonly List<Dependency> _dependencies = [];

    private FakeApp(string title)
    {
        Title = title;
    }

    public string Title { get; }
    public IReadOnlyList<Component> Components => _components;
    public IReadOnlyList<Dependency> Dependencies => _dependencies;
    /// <summary>The layout tree of config.layout.</summary>
    public JsonObject Layout { get; private set; } = new();
    public bool HasState => _components.Any(c => c.Kind == ComponentKind.State);

    public static FakeApp Create(string name, Profile profile) => name.ToLowerInvariant().Split(':', 2) switch
    {
        ["simple"] => Simple(),
        ["full"] => Full(profile),
        ["hostile"] => Hostile(),
        ["many"] => Many(DefaultManyEndpoints),
        ["many", var count] when int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxManyEndpoints => Many(n),
        ["stream"] => Stream(DefaultStreamEvents),
        ["stream", var count] when int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxStreamEvents => Stream(n),
        _ => throw new ArgumentException(
            $"Unknown fake app '{name}' (use 'full', 'simple', 'hostile', 'many[:1-{MaxManyEndpoints}]' or 'stream[:1-{MaxStreamEvents}]').", nameof(name)),
    };

    private Component Add(ComponentKind kind, string? label = null, JsonNode? value = null, string[]? choices = null)
    {
        var component = new Component(_components.Count + 1, kind, label, value, choices);
        _components.Add(component);
        return component;
    }

    /// <summary>apps/simple-app.py, with the same component ids and layout as the genuine config.</summary>
    private static FakeApp Simple()
    {
        var app = new FakeApp("simple-app");
        var duration = app.Add(ComponentKind.Textbox, "Duration, in, seconds", "5");
        var result = app.Add(ComponentKind.Textbox, "Resultado");
        var button = app.Add(ComponentKind.Button, "Op1");
        var form = app.Add(ComponentKind.Form);
        app.AddOp1(duration, result, button);
        app.Layout = new JsonObject
        {
            ["id"] = 0,
            ["children"] = new JsonArray(
                new JsonObject { ["id"] = form.Id, ["children"] = new JsonArray(new JsonObject { ["id"] = duration.Id }, new JsonObject { ["id"] = result.Id }) },
                new JsonObject { ["id"] = button.Id }),
        };
        return app;
    }

    private static FakeApp Full(Profile profile)
    {
        var app = new FakeApp("fake-gradio");
        Component Button(string label) => app.Add(ComponentKind.Button, label);

        app.AddOp1(app.Add(ComponentKind.Textbox, "Duration, in, seconds", "5"), app.Add(ComponentKind.Textbox, "Resultado"), Button("Op1"));

        var num1 = app.Add(ComponentKind.Number, "num1");
        var operation = app.Add(ComponentKind.Radio, "operation", choices: ["add", "subtract", "multiply", "divide"]);
        var num2 = app.Add(ComponentKind.Number, "num2");
        app.AddEvent("predict", [num1, operation, num2], [app.Add(ComponentKind.Number, "output")], Button("calculate"), Predict, ["num1", "operation", "num2"]);

        app.AddEvent("stream_text", [app.Add(ComponentKind.Textbox, "Text")], [app.Add(ComponentKind.Textbox, "Streamed")], Button("stream"),
            StreamText, ["text"], generator: true);

        var counter = app.Add(ComponentKind.State, value: 0);
        app.AddEvent("count", [counter], [app.Add(ComponentKind.Number, "count"), counter], Button("count"), Count, ["state"]);

        var turns = app.Add(ComponentKind.State, value: 0);
        app.AddEvent("chat", [app.Add(ComponentKind.Textbox, "Message"), turns], [app.Add(ComponentKind.Textbox, "Response"), turns], Button("send"),
            Chat, ["message", "state"]);

        app.AddEvent("file_echo", [app.Add(ComponentKind.File, "File in")], [app.Add(ComponentKind.File, "Reversed file")], Button("echo"),
            FileEcho, ["file"]);
        app.AddEvent("file_size", [app.Add(ComponentKind.File, "File to measure")], [app.Add(ComponentKind.Number, "Size in bytes")], Button("size"),
            FileSize, ["path"]);

        // 3.x Blocks had no default api_name, so the hidden function is the unnamed one there.
        app.AddEvent(profile.IsV3 ? null : "hidden_fn", [app.Add(ComponentKind.Textbox, "hidden in")], [app.Add(ComponentKind.Textbox, "hidden out")],
            Button("hidden"), HiddenFn, ["text"], showApi: false);

        var jsIn = app.Add(ComponentKind.Textbox, "js in");
        app._dependencies.Add(new Dependency
        {
            FnIndex = app._dependencies.Count, ApiName = profile.IsV3 ? null : "js_fn", Trigger = Button("js").Id,
            Inputs = [jsIn], Outputs = [jsIn], ShowApi = false, Js = "(x) => x.toUpperCase()",
        });

        app.AddEvent(null, [app.Add(ComponentKind.Textbox, "private in")], [app.Add(ComponentKind.Textbox, "private out")], Button("private"),
            PrivateFn, ["text"], apiNameFalse: true);

        var errorIn = app.Add(ComponentKind.Textbox, "Error message");
        var errorOut = app.Add(ComponentKind.Textbox, "Never set");
        app.AddEvent("raise_error", [errorIn], [errorOut], Button("gr.Error"), RaiseError, ["text"]);
        app.AddEvent("raise_exception", [errorIn], [errorOut], Button("exception"), RaiseException, ["text"]);

        app.AddEvent("slow_progress", [app.Add(ComponentKind.Number, "Steps", 5)], [app.Add(ComponentKind.Textbox, "Progress result")], Button("slow"),
            SlowProgress, ["steps"]);
        app.AddEvent("long", [], [app.Add(ComponentKind.Number, "Counter")], Button("long"), Long, [], generator: true);
        app.AddEvent("nested", [app.Add(ComponentKind.Json, "JSON in")], [app.Add(ComponentKind.Json, "JSON out")], Button("nested"),
            Nested, ["data"], generator: true);

        app.Layout = new JsonObject
        {
            ["id"] = 0,
            ["children"] = new JsonArray(app._components.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id }).ToArray()),
        };
        return app;
    }

    private void AddOp1(Component duration, Component result, Component button) =>
        AddEvent("Op1", [duration], [result], button, Op1, ["Duration"], generator: true);

    private void AddEvent(string? apiName, Component[] inputs, Component[] outputs, Component trigger, EventFunction function,
        string[] parameterNames, bool generator = false, bool showApi = true, bool apiNameFalse = false) =>
        _dependencies.Add(new Dependency
        {
            FnIndex = _dependencies.Count, ApiName = apiName, ApiNameFalse = apiNameFalse, Trigger = trigger.Id,
            Inputs = inputs, Outputs = outputs, ParameterNames = parameterNames, Generator = generator, ShowApi = showApi,
            Function = function,
        });

    // ---- the event functions -------------------------------------------------------------

    /// <summary>simple-app.py's Op1: "Dur:d", then the elapsed whole seconds once per step, then "Finished".</summary>
    private static async IAsyncEnumerable<JsonNode?[]> Op1(JobContext job, JsonNode?[] args)
    {
        var duration = PyStr(args[0]);
        yield return [$"Dur:{duration}"];
        var seconds = PyFloat(duration);
        // Counted in steps, not wall clock, so the transcript is deterministic.
        for (var elapsed = 1; elapsed - 1 < seconds; elapsed++)
        {
            await job.StepAsync();
            yield return [elapsed.ToString(CultureInfo.InvariantCulture)];
        }
        yield return ["Finished"];
    }

    private static async IAsyncEnumerable<JsonNode?[]> Predict(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        var operation = args[1]?.GetValue<string>();
        if (args[0] is null || args[2] is null) throw new InvalidOperationException("unsupported operand type(s): 'NoneType'");
        var (a, b) = (Number(args[0]!), Number(args[2]!));
        JsonNode Result(long whole, double real) => a.IsInt && b.IsInt ? (JsonNode)whole : real; // Python keeps int + int an int
        var (x, y) = (a.Real, b.Real);
        yield return [operation switch
        {
            "add" => Result(a.Int + b.Int, x + y),
            "subtract" => Result(a.Int - b.Int, x - y),
            "multiply" => Result(a.Int * b.Int, x * y),
            "divide" when y == 0 => throw new GradioError("Cannot divide by zero!"),
            "divide" => x / y,
            _ => throw new InvalidOperationException($"unknown operation {operation}"),
        }];
    }

    private static async IAsyncEnumerable<JsonNode?[]> StreamText(JobContext job, JsonNode?[] args)
    {
        var text = PyStr(args[0]);
        for (var i = 1; i <= Math.Max(1, text.Length); i++)
        {
            if (i > 1) await job.StepAsync();
            yield return [text[..Math.Min(i, text.Length)]];
        }
    }

    private static async IAsyncEnumerable<JsonNode?[]> Count(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        var count = (args[0] is null ? 0 : Number(args[0]!).Int) + 1;
        yield return [count, count];
    }

    private static async IAsyncEnumerable<JsonNode?[]> Chat(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        var turn = (args[1] is null ? 0 : Number(args[1]!).Int) + 1;
        yield return [$"You said: {PyStr(args[0])} (turn {turn})", turn];
    }

    private static async IAsyncEnumerable<JsonNode?[]> FileEcho(JobContext job, JsonNode?[] args)
    {
        if (args[0] is null)
        {
            yield return [null];
            yield break;
        }
        var path = args[0]!.GetValue<string>();
        var bytes = await File.ReadAllBytesAsync(path, job.CancellationToken);
        Array.Reverse(bytes);
        yield return [job.Files.Save(bytes, "reversed-" + Path.GetFileName(path))];
    }

    private static async IAsyncEnumerable<JsonNode?[]> FileSize(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        yield return [args[0] is null ? 0L : new FileInfo(args[0]!.GetValue<string>()).Length];
    }

    private static async IAsyncEnumerable<JsonNode?[]> HiddenFn(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        yield return [PyStr(args[0]).ToUpperInvariant()];
    }

    private static async IAsyncEnumerable<JsonNode?[]> PrivateFn(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        yield return [$"private:{PyStr(args[0])}"];
    }

    private static async IAsyncEnumerable<JsonNode?[]> RaiseError(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        throw new GradioError(PyStr(args[0]));
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<JsonNode?[]> RaiseException(JobContext job, JsonNode?[] args)
    {
        await Task.CompletedTask;
        throw new InvalidOperationException($"plain exception: {PyStr(args[0])}");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    /// <summary>gr.Progress over "steps" steps, with a gr.Info halfway and a gr.Warning at the end.</summary>
    private static async IAsyncEnumerable<JsonNode?[]> SlowProgress(JobContext job, JsonNode?[] args)
    {
        var steps = args[0] is null ? 0 : (int)Number(args[0]!).Real;
        for (var i = 0; i < steps; i++)
        {
            await job.ProgressAsync(i, steps, "steps", "working");
            if (i == steps / 2) await job.LogAsync("info", "halfway");
            if (i == steps - 1) await job.LogAsync("warning", "almost done");
            await job.StepAsync();
        }
        yield return ["done"];
    }

    private static async IAsyncEnumerable<JsonNode?[]> Long(JobContext job, JsonNode?[] args)
    {
        for (var i = 0L; i < 10000; i++)
        {
            if (i > 0) await job.StepAsync();
            yield return [i];
        }
    }

    /// <summary>A value that gains and loses dict keys and list items, so the diffs use add/delete/replace/append.</summary>
    private static async IAsyncEnumerable<JsonNode?[]> Nested(JobContext job, JsonNode?[] args)
    {
        JsonObject State(string status, int[] items, bool extra)
        {
            var state = new JsonObject { ["input"] = args[0]?.DeepClone(), ["status"] = status, ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) };
            if (extra) state["extra"] = new JsonObject { ["a"] = 1 };
            return state;
        }
        yield return [State("start", [], false)];
        await job.StepAsync();
        yield return [State("running", [1], false)];
        await job.StepAsync();
        yield return [State("running", [1, 2, 3], true)];
        await job.StepAsync();
        yield return [State("done", [1, 3], false)];
        await job.StepAsync();
        yield return [State("done!", [3], false)];
    }

    /// <summary>A JSON number as Python sees it: an int when written without fraction or exponent.</summary>
    private static (bool IsInt, long Int, double Real) Number(JsonNode node)
    {
        var text = node.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? (true, whole, whole)
            : (false, 0, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                ? real
                : throw new InvalidOperationException($"could not convert {text} to float"));
    }

    /// <summary>Python's str() of a Textbox payload.</summary>
    private static string PyStr(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => PyJson.Compact(node),
    };

    private static double PyFloat(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"could not convert string to float: {PyJson.Repr(text)}");
}
