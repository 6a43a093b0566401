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

/// <summary>Arguments: .NET values to JSON, by name or position, defaults and State slots (docs/gradio-protocol.md §3.11).</summary>
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

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinities_are_refused_as_invalid_arguments(double value)
    {
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => ArgumentConverter.ToJson(value)).Kind);
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => ArgumentConverter.ToJson(new object?[] { 1, (float)value })).Kind);
    }

    [Fact]
    public async Task NaN_fails_before_anything_is_sent_naming_the_parameter()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var session = T.NewSession();
        var ex = await Assert.ThrowsAsync<GradioException>(() =>
            GradioCaller.SubmitAsync(T.Client(server), "predict", new object?[] { double.NaN, "add", 1 }, new CallOptions { SessionHash = session }, cts.Token));
        Assert.Equal(GradioErrorKind.InvalidArguments, ex.Kind);
        Assert.Contains("'num1'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(T.Bodies(server, "/gradio_api/queue/join", session));
    }

    [Fact]
    public async Task BindByName_puts_named_values_in_place_ignoring_case()
    {
        var predict = await Endpoint(GradioProfile.V5, "predict");
        var bound = predict.BindByName(new Dictionary<string, object?> { ["num2"] = 3, ["OPERATION"] = "add", ["Num1"] = 1 });
        Assert.Equal(new Dictionary<int, object?> { [0] = 1, [1] = "add", [2] = 3 }, bound.Values);
        Assert.Same(predict, bound.Endpoint);
    }

    [Fact]
    public async Task BindByName_uses_labels_before_parameter_names_existed()
    {
        var predict = await Endpoint(GradioProfile.V4_21, "predict");
        Assert.Null(predict.Parameters[0].Name);
        var bound = predict.BindByName(new Dictionary<string, object?> { ["num1"] = 5, ["operation"] = "divide", ["num2"] = 2 });
        Assert.Equal(new Dictionary<int, object?> { [0] = 5, [1] = "divide", [2] = 2 }, bound.Values);
    }

    [Fact]
    public async Task BindByName_rejects_unknown_and_missing_names()
    {
        var predict = await Endpoint(GradioProfile.V5, "predict");
        var unknown = Assert.Throws<GradioException>(() => predict.BindByName(new Dictionary<string, object?> { ["num1"] = 1, ["op"] = "add", ["num2"] = 2 }));
        Assert.Equal(GradioErrorKind.InvalidArguments, unknown.Kind);
        Assert.Contains("'op'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("num1, operation, num2", unknown.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<GradioException>(() => predict.BindByName(new Dictionary<string, object?> { ["operation"] = "add", ["num2"] = 2 }));
        Assert.Equal(GradioErrorKind.InvalidArguments, missing.Kind);
        Assert.Contains("num1 is missing", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindPositional_checks_the_count_once_before_anything_is_sent()
    {
        var predict = await Endpoint(GradioProfile.V5, "predict");
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => predict.BindPositional(new object?[] { 1, "add", 2, 3 })).Kind);
        Assert.Contains("num2 is missing", Assert.Throws<GradioException>(() => predict.BindPositional(new object?[] { 1, "add" })).Message, StringComparison.Ordinal);
        Assert.Equal(3, predict.BindPositional(new object?[] { 1, "add", 2 }).Values.Count);
    }

    [Fact]
    public async Task Defaults_fill_left_out_parameters()
    {
        var op1 = await Endpoint(GradioProfile.V5, "Op1");
        Assert.Equal("Duration?", op1.Signature);
        Assert.Empty(op1.BindByName(new Dictionary<string, object?>()).Values);
        Assert.Equal("[\"5\"]", op1.ToWire(new Dictionary<int, JsonNode?>()).ToJsonString());
        Assert.Equal("[\"2\"]", op1.ToWire(new Dictionary<int, JsonNode?> { [0] = "2" }).ToJsonString());
    }

    [Fact]
    public async Task ToWire_puts_null_in_state_slots()
    {
        var chat = await Endpoint(GradioProfile.V5, "chat");
        Assert.Equal("[\"hi\",null]", chat.ToWire(new Dictionary<int, JsonNode?> { [0] = "hi" }).ToJsonString());
        var count = await Endpoint(GradioProfile.V5, "count");
        Assert.Equal("[null]", count.ToWire(new Dictionary<int, JsonNode?>()).ToJsonString());
        Assert.Equal(GradioErrorKind.InvalidArguments, Assert.Throws<GradioException>(() => count.BindPositional(new object?[] { 1 })).Kind);
    }

    [Fact]
    public async Task A_prepared_call_holds_exactly_the_inputs_it_sends()
    {
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var client = T.Client(server);
        var app = await client.GetAppInfoAsync(cts.Token);
        var session = T.NewSession();
        var options = new CallOptions { SessionHash = session };
        var prepared = await GradioCaller.PrepareAsync(client, app, app.FindEndpoint("chat").BindByName(new Dictionary<string, object?> { ["message"] = "yo" }), options, cts.Token);
        Assert.Equal("[\"yo\",null]", prepared.Inputs.ToJsonString());
        await T.ReadAll(await GradioCaller.SendAsync(client, prepared, cts.Token), cts.Token);
        Assert.Equal(prepared.Inputs.ToJsonString(), Assert.Single(T.Bodies(server, "/gradio_api/queue/join", session))["data"]!.ToJsonString());
    }

    [Fact]
    public async Task A_dictionary_is_one_positional_value_even_when_its_keys_name_parameters()
    {
        // /nested's one input is named "data": the dictionary is that input's value, never the arguments by name.
        using var cts = T.Deadline();
        var server = await servers.Get(GradioProfile.V5);
        var session = T.NewSession();
        var value = new Hashtable { ["data"] = 42 };
        var result = await T.Result(T.Client(server), "nested", new object?[] { value }, cts.Token, new CallOptions { SessionHash = session });
        Assert.Equal("{\"data\":42}", result[0]!["input"]!.ToJsonString());
        Assert.Equal("[{\"data\":42}]", Assert.Single(T.Bodies(server, "/gradio_api/queue/join", session))["data"]!.ToJsonString());
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
