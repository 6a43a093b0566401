using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Which transport Auto and the explicit choices pick per server version (docs/gradio-protocol.md §2.4 step 5).</summary>
public class ProtocolSelectionTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(GradioProfile.V3, GradioProtocol.Auto, "websocket", "GET /queue/join")]
    [InlineData(GradioProfile.V4_0, GradioProtocol.Auto, "queue", "GET /queue/join?fn_index=1&session_hash=")]
    [InlineData(GradioProfile.V4_9, GradioProtocol.Auto, "queue", "POST /queue/join")]
    [InlineData(GradioProfile.V4_17, GradioProtocol.Auto, "queue", "POST /queue/join")]
    [InlineData(GradioProfile.V4_21, GradioProtocol.Auto, "queue", "POST /queue/join")]
    [InlineData(GradioProfile.V4_44, GradioProtocol.Auto, "queue", "POST /queue/join")]
    [InlineData(GradioProfile.V5, GradioProtocol.Auto, "queue", "POST /gradio_api/queue/join")]
    [InlineData(GradioProfile.V6, GradioProtocol.Auto, "queue", "POST /gradio_api/queue/join")]
    [InlineData(GradioProfile.V3, GradioProtocol.Queue, "websocket", "GET /queue/join")]
    [InlineData(GradioProfile.V4_0, GradioProtocol.Queue, "queue", "GET /queue/join?fn_index=1&session_hash=")]
    [InlineData(GradioProfile.V5, GradioProtocol.Call, "call", "POST /gradio_api/call/predict")]
    [InlineData(GradioProfile.V4_21, GradioProtocol.Call, "call", "POST /call/predict")]
    [InlineData(GradioProfile.V5, GradioProtocol.Run, "run", "POST /gradio_api/run/predict")]
    [InlineData(GradioProfile.V4_9, GradioProtocol.Run, "run", "POST /run/predict")]
    [InlineData(GradioProfile.V3, GradioProtocol.Run, "run", "POST /run/predict")]
    public async Task Transport_per_profile(GradioProfile profile, GradioProtocol wanted, string transport, string firstRequest)
    {
        using var cts = T.Deadline();
        var server = await servers.Get(profile);
        var client = T.Client(server);
        await client.GetAppInfoAsync(cts.Token);
        var before = server.Requests.Count;

        var job = await GradioCaller.SubmitAsync(client, "predict", new object?[] { 20, "subtract", 8 }, new CallOptions { Protocol = wanted }, cts.Token);
        Assert.Equal(transport, job.Protocol);
        var done = T.Terminal(await T.ReadAll(job, cts.Token));
        Assert.Equal(12, done.Data![0]!.GetValue<int>());

        var first = server.Requests[before];
        Assert.StartsWith(firstRequest, first.Method + " " + first.PathAndQuery, System.StringComparison.Ordinal);
    }
}
