using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// An app whose /info is an attack on clients that generate code from it: names, labels,
/// defaults and choices hold quotes, subexpressions, backticks, line breaks, comment ends,
/// PowerShell's common parameter names, leading digits, duplicates and non-ASCII text. Each
/// "$(...)" would write $env:CANARY if a client ever evaluated it.
/// </summary>
internal sealed partial class FakeApp
{
    const string Payload = "$(Set-Content -Path $env:CANARY -Value pwned)";

    private static FakeApp Hostile()
    {
        var app = new FakeApp("hostile-app");
        Component Button(string label) => app.Add(ComponentKind.Button, label);

        var inputs = new[]
        {
            app.Add(ComponentKind.Textbox, $"Quote ' and {Payload} and `backtick`", $"it's {Payload}"),
            app.Add(ComponentKind.Textbox, "line one\n.EXAMPLE\nRemove-Item -Recurse / #> " + Payload, "#>"),
            app.Add(ComponentKind.Textbox, "<# opened", "`n`$x"),
            app.Add(ComponentKind.Number, "Ünïcödé ✓", 0),
            app.Add(ComponentKind.Radio, "choice", "a'b", ["a'b", Payload, "#>"]),
            app.Add(ComponentKind.Textbox, "duplicate one", ""),
            app.Add(ComponentKind.Textbox, "duplicate two", "‘smart’ quotes"),
        };
        var names = new[] { "Verbose", "1abc", "näme", "x_y", "choice", "dup", "dup" };
        app.AddEvent("evil'name" + Payload, inputs, [app.Add(ComponentKind.Textbox, "Echo " + Payload)], Button("evil"), EchoAll, names);
        app.AddEvent("do-it", [app.Add(ComponentKind.Textbox, "text", "x")], [app.Add(ComponentKind.Textbox, "out")], Button("do-it"), EchoAll, ["text"]);
        app.AddEvent("do_it", [app.Add(ComponentKind.Textbox, "text", "y")], [app.Add(ComponentKind.Textbox, "out")], Button("do_it"), EchoAll, ["text"]);
        app.Layout = new JsonObject
        {
            ["id"] = 0,
            ["children"] = new JsonArray(app._components.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id }).ToArray()),
        };
        return app;
    }

    /// <summary>Echoes the inputs as one JSON text, so a client can check what it sent.</summary>
    private static async IAsyncEnumerable<JsonNode?[]> EchoAll(JobContext job, JsonNode?[] args)
    {
        await Task.Yield();
        yield return [new JsonArray(args.Select(a => a?.DeepClone()).ToArray()).ToJsonString()];
    }
}
