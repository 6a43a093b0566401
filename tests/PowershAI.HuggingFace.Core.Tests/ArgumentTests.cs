using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Arguments: .NET values to JSON, by name or position, defaults and State slots (§3.11).</summary>
public class ArgumentTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    async Task<EndpointInfo> Endpoint(GradioProfile profile, string name)
    {
        using var cts = T.Deadline();
        return (await T.Client(await servers.Get(profile)).GetAppInfoAsync(cts.Token)).FindEndpoint(name);
    }

    static string Json(object? value) => ArgumentConverter.ToJson(value)?.ToJsonString() ?? "null";

    enum Color { Red, Green }

    [Fact]
    public void Plain_values_become_json()
    {
        Assert.Equal("null", Json(null));
        Assert.Equal("\"text\"", Json("text"));
        Assert.Equal("true", Json(true));
        Assert.Equal("\"c\"", Json('c'));
        Assert.Equal("42", Json(42));
        Assert.Equal("-7", Json((short)-7));
        Assert.Equal("9000000000", Json(9000000000L));
        Assert.Equal("18446744073709551615", Json(ulong.MaxValue));
        Assert.Equal("2.5", Json(2.5));
        Assert.Equal("0.5", Json(0.5f));
        Assert.Equal("1.25", Json(1.25m));
        Assert.Equal("\"2024-01-02T03:04:05.0000000Z\"", Json(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        Assert.Equal("\"https://example.com/a\"", Json(new Uri("https://example.com/a")));
        Assert.Equal("\"Green\"", Json(Color.Green));
        Assert.Equal("{\"a\":1,\"b\":[true,null]}", Json(new SortedDictionary<string, object?> { ["a"] = 1, ["b"] = new object?[] { true, null } }));
        Assert.Equal("[1,2,3]", Json(new[] { 1, 2, 3 }));
        Assert.Equal("{\"k\":\"v\"}", Json(JsonNode.Parse("{\"k\":\"v\"}")));
        var file = new FileInfo(Path.Combine(Path.GetTempPath(), "f.txt"));
        Assert.Equal(JsonValue.Create(file.FullName).ToJsonString(), Json(file));
    }

    [Fact]
    public void Json_nodes_are_cloned_not_moved()
    {
        var node = JsonNode.Parse("{\"k\":[1]}")!;
        var parent = new JsonObject { ["inner"] = node };
        var converted = ArgumentConverter.ToJson(node);
        Assert.NotSame(node, converted);
        Assert.Same(parent, node.Parent);
    }

    [Fact]
    public void A_value_that_contains_itself_is_refused()
    {
        var list = new ArrayList();
        list.Add(list);
        var ex = Assert.Throws<GradioException>(() => ArgumentConverter.ToJson(list));
        Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
    }

    [Fact]
    public async Task OrderByName_puts_named_values_in_place_ignoring_case()
    {
        var predict = await Endpoint(GradioProfile.V5, "predict");
        var ordered = predict.OrderByName(new Dictionary<string, object?> { ["num2"] = 3, ["OPERATION"] = "add", ["Num1"] = 1 });
        Assert.Equal(new object?[] { 1, "add", 3 }, ordered);
    }

    [Fact]
    public async Task OrderByName_uses_labels_before_parameter_names_existed()
    {
        var predict = await Endpoint(GradioProfile.V4_21, "predict");
        Assert.Null(predict.Parameters[0].Name);
        Assert.Equal(new object?[] { 5, "divide", 2 }, predict.OrderByName(new Dictionary<string, object?> { ["num1"] = 5, ["operation"] = "divide", ["num2"] = 2 }));
    }

    [Fact]
    public async Task OrderByName_rejects_unknown_and_missing_names()
    {
        var predict = await Endpoint(GradioProfile.V5, "predict");
        var unknown = Assert.Throws<GradioException>(() => predict.OrderByName(new Dictionary<string, object?> { ["num1"] = 1, ["op"] = "add", ["num2"] = 2 }));
        Assert.Equal(GradioErrorKind.InvalidArguments, unknown.Kind);
        Assert.Contains("'op'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("num1, operation, num2", unknown.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<GradioException>(() => predict.OrderByName(new Dictionary<string, object?> { ["operation"] = "add", ["num2"] = 2 }));
        Assert.Equal(GradioErrorKind.InvalidArguments, missing.Kind);
        Assert.Contains("needs num1", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_fill_left_out_parameters()
    {
        var op1 = await Endpoint(GradioProfile.V5, "Op1");
        Assert.Equal("Duration?", op1.Signature);
        Assert.Empty(op1.OrderByName(new Dictionary<string, object?>()));
        Assert.Equal("[\"5\"]", op1.BuildInputs(Array.Empty<JsonNode?>()).ToJsonString());
        Assert.Equal("[\"2\"]", op1.BuildInputs(new JsonNode?[] { "2" }).ToJsonString());
    }

    [Fact]
    public async Task BuildInputs_puts_null_in_state_slots()
    {
        var chat = await Endpoint(GradioProfile.V5, "chat");
        Assert.Equal("[\"hi\",null]", chat.BuildInputs(new JsonNode?[] { "hi" }).ToJsonString());
        var count = await Endpoint(GradioProfile.V5, "count");
        Assert.Equal("[null]", count.BuildInputs(Array.Empty<JsonNode?>()).ToJsonString());
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => count.BuildInputs(new JsonNode?[] { 1 })).Kind);
    }

    [Fact]
    public async Task A_hashtable_of_parameter_names_is_a_call_by_name()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var session = T.NewSession();
        var named = new Hashtable { ["num2"] = 4, ["num1"] = 3, ["operation"] = "multiply" };
        var result = await T.Result(T.Client(server), "predict", new object?[] { named }, cts.Token, new CallOptions { SessionHash = session });
        Assert.Equal(12, result[0]!.GetValue<int>());
        Assert.Equal("[3,\"multiply\",4]", Assert.Single(T.Bodies(server, "/gradio_api/queue/join", session))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_dictionary_that_is_not_all_parameter_names_is_one_positional_value()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5));
        var value = new Hashtable { ["foo"] = "bar" };
        var result = await T.Result(client, "nested", new object?[] { value }, cts.Token);
        Assert.Equal("{\"foo\":\"bar\"}", result[0]!["input"]!.ToJsonString());
    }

    [Fact]
    public async Task No_arguments_send_the_defaults()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        var session = T.NewSession();
        var events = await T.Run(client, "slow_progress", Array.Empty<object?>(), cts.Token, new CallOptions { SessionHash = session });
        Assert.Equal(5, events.Count(e => e.Kind == GradioEventKind.Progress));
        Assert.Equal("[5]", Assert.Single(T.Bodies(server, "/gradio_api/queue/join", session))["data"]!.ToJsonString());

        var op1 = await T.Run(client, "Op1", Array.Empty<object?>(), cts.Token);
        Assert.Equal("\"Dur:5\"", T.Generated(op1)[0]);
    }
}
