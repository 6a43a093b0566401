using System.Linq;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Gradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>-Result keys several outputs by name: labels, made unique, with fallbacks for empty ones.</summary>
public class OutputNamesTests
{
    static JsonObject[] Returns(params string[] json) => json.Select(j => (JsonObject)JsonNode.Parse(j)!).ToArray();

    [Fact]
    public void Labels_in_order()
    {
        var names = OutputNames.For(Returns("""{"label":"Summary","component":"Textbox"}""", """{"label":"Number plus slider","component":"Number"}"""), 2);
        Assert.Equal(new[] { "Summary", "Number plus slider" }, names);
    }

    [Fact]
    public void Repeated_labels_get_a_number_ignoring_case()
    {
        var names = OutputNames.For(Returns("""{"label":"Output"}""", """{"label":"output"}""", """{"label":"Output"}"""), 3);
        Assert.Equal(new[] { "Output", "output_2", "Output_3" }, names);
    }

    [Fact]
    public void An_empty_label_falls_back_to_the_component_then_output()
    {
        // 5.45.0 gives ChatInterface's message an empty label
        var names = OutputNames.For(Returns("""{"label":"","component":"Chatbot"}""", """{"label":"  "}"""), 3);
        Assert.Equal(new[] { "Chatbot", "output", "output_2" }, names);
    }

    [Fact]
    public void A_generated_name_does_not_clash_with_a_later_label()
    {
        var names = OutputNames.For(Returns("""{"label":"a"}""", """{"label":"a"}""", """{"label":"a_2"}"""), 3);
        Assert.Equal(3, names.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
    }
}
