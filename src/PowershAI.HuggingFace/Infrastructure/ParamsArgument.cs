using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// -Params of Send-GradioApi and Invoke-GradioSessionApi, bound as PowershAI did: one hashtable
/// whose keys all name parameters is the inputs by name; anything else is the inputs in order.
/// The rule lives at these cmdlets' edge only: the core takes arguments already bound.
/// </summary>
static class ParamsArgument
{
    public static BoundArguments Bind(EndpointInfo endpoint, IReadOnlyList<object?> values)
    {
        if (values.Count == 1 && values[0] is IDictionary d && d.Count > 0)
        {
            var named = d.Cast<DictionaryEntry>().Select(kv => new KeyValuePair<string, object?>(kv.Key?.ToString() ?? "", kv.Value)).ToList();
            if (named.All(kv => endpoint.FindParameter(kv.Key) != null)) return endpoint.BindByName(named);
        }
        return endpoint.BindPositional(values);
    }
}
