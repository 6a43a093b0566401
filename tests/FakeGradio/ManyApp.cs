using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// An app with many endpoints of mixed inputs: 300 for the generator benchmark (bench/), up to
/// 100,000 ("many:100000"; the discovery benchmark goes to 20000) for clients that must cope with a huge /info.
/// </summary>
internal sealed partial class FakeApp
{
    const int DefaultManyEndpoints = 300;
    const int MaxManyEndpoints = 100_000;

    private static FakeApp Many(int count)
    {
        var app = new FakeApp("many-app");
        for (var i = 0; i < count; i++)
        {
            var inputs = new[]
            {
                app.Add(ComponentKind.Textbox, $"Text {i}", "hello"),
                app.Add(ComponentKind.Number, $"Number {i}", i),
                app.Add(ComponentKind.Radio, $"Choice {i}", "a", ["a", "b", "c"]),
                app.Add(ComponentKind.File, $"File {i}"),
            }.Take(1 + i % 4).ToArray();
            var names = new[] { "text", "number", "choice", "file" }.Take(inputs.Length).ToArray();
            app.AddEvent($"endpoint_{i}", inputs, [app.Add(ComponentKind.Textbox, $"Out {i}")], app.Add(ComponentKind.Button, $"go {i}"), EchoAll, names);
        }
        app.Layout = new JsonObject
        {
            ["id"] = 0,
            ["children"] = new JsonArray(app._components.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id }).ToArray()),
        };
        return app;
    }
}
