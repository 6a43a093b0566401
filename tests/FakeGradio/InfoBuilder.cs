using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>GET {prefix}/info: Blocks.get_api_info by the rules of docs/gradio-protocol.md §2.2.</summary>
internal static class InfoBuilder
{
    public static JsonObject Build(ServerContext server, bool allEndpoints)
    {
        var p = server.Profile;
        var named = new JsonObject();
        var unnamed = new JsonObject();
        foreach (var dep in server.App.Dependencies.Where(d => d.InApi))
        {
            var hidden = p.EventShowApi && !dep.ShowApi && !(p.AllEndpoints && allEndpoints);
            if (hidden) continue;
            if (dep.ApiName is null) unnamed[dep.FnIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Endpoint(p, dep);
            else named["/" + dep.ApiName] = Endpoint(p, dep);
        }
        return new JsonObject { ["named_endpoints"] = named, ["unnamed_endpoints"] = unnamed };
    }

    private static JsonObject Endpoint(Profile p, Dependency dep)
    {
        var parameters = new JsonArray();
        for (var i = 0; i < dep.Inputs.Length; i++)
        {
            var c = dep.Inputs[i];
            if (c.SkipApi) continue;
            var parameter = new JsonObject { ["label"] = c.Label ?? $"parameter_{c.Id}" };
            if (p.ParameterNames)
            {
                // The Python parameter at the same position in inputs (State included).
                parameter["parameter_name"] = i < dep.ParameterNames.Length ? dep.ParameterNames[i] : $"param_{i}";
                parameter["parameter_has_default"] = c.Value is not null;
                parameter["parameter_default"] = c.Value?.DeepClone();
            }
            parameter["type"] = c.ApiInfo(p);
            parameter["python_type"] = c.PythonType(p, input: true);
            parameter["component"] = c.ClassName;
            parameter["example_input"] = c.ExampleInput(p);
            if (p.IsV3) parameter["serializer"] = c.Serializer;
            parameters.Add(parameter);
        }
        var returns = new JsonArray();
        foreach (var c in dep.Outputs.Where(c => !c.SkipApi))
        {
            var value = new JsonObject
            {
                ["label"] = c.Label ?? $"value_{c.Id}",
                ["type"] = c.ApiInfo(p),
                ["python_type"] = c.PythonType(p, input: false),
                ["component"] = c.ClassName,
            };
            if (p.IsV3) value["serializer"] = c.Serializer;
            returns.Add(value);
        }
        var endpoint = new JsonObject { ["parameters"] = parameters, ["returns"] = returns };
        if (p.ApiVisibility) endpoint["api_visibility"] = dep.ShowApi ? "public" : "undocumented";
        else if (p.ShowApiInInfo) endpoint["show_api"] = dep.ShowApi;
        if (p.EndpointDescription) endpoint["description"] = "";
        return endpoint;
    }
}
