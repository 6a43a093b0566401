using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>An app with 300 endpoints of mixed inputs, for the generator benchmark (bench/).</summary>
internal sealed partial class FakeApp
{
    const int ManyEndpoints = 300;

    private static FakeApp Many()
    {
        var app = new FakeApp("many-app");
        for (var i = 0; i < ManyEndpoints; i++)
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
