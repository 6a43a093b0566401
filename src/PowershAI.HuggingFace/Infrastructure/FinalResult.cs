using System.Collections.Generic;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// What -Result writes, as gradio_client's predict returns it: a single output as the value
/// itself, several as one object with a property per output, named by OutputNames, in order.
/// </summary>
static class FinalResult
{
    public static void Write(ICallOutput output, EndpointInfo endpoint, object? data)
    {
        if (data is not object?[] values)
        {
            if (data != null) output.Result(data);
            return;
        }
        if (values.Length == 0) return;
        if (values.Length == 1)
        {
            output.Result(values[0]);
            return;
        }
        var names = OutputNames.For(endpoint.Returns, values.Length);
        var result = new PSObject();
        for (var i = 0; i < values.Length; i++) result.Properties.Add(new PSNoteProperty(names[i], values[i]));
        output.Result(result);
    }
}
