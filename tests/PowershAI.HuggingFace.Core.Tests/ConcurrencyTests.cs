using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.FakeGradio;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests;

/// <summary>Many calls at once on one session hash: one queue stream per session, every call its own result.</summary>
public class ConcurrencyTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    const int Tasks = 8;
    const int CallsPerTask = 50;
    const int Runs = 20;

    /// <summary>One run: Tasks x CallsPerTask calls of /chat (a gr.State counter) on a fresh session hash.</summary>
    static async Task<List<string>> RunOnce(GradioClient client, CancellationToken ct)
    {
        var options = new CallOptions { SessionHash = T.NewSession() };
        var answers = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var c = 0; c < CallsPerTask; c++)
            {
                var text = $"t{t}-c{c}";
                var data = await T.Result(client, "chat", new object?[] { text }, ct, options);
                var answer = T.Text(data[0])!;
                Assert.StartsWith($"You said: {text} (turn ", answer, StringComparison.Ordinal);
                mine.Add(answer);
            }
            return mine;
        }, ct)));
        return answers.SelectMany(a => a).ToList();
    }

    public enum Fault { None, LateJoinAnswer, EndStreamAfterEachCompletion }

    [Theory]
    [InlineData(GradioProfile.V5, Fault.None)]
    // Most messages of a call come before its join answer, and the stream may end in between.
    [InlineData(GradioProfile.V5, Fault.LateJoinAnswer)]
    // The stream ends after every call, so it is reopened all the time (v2 ends it without close_stream).
    [InlineData(GradioProfile.V5, Fault.EndStreamAfterEachCompletion)]
    [InlineData(GradioProfile.V4_17, Fault.EndStreamAfterEachCompletion)]
    public async Task Parallel_calls_on_one_session_each_get_their_own_result(GradioProfile profile, Fault fault)
    {
        var server = await servers.Get(profile, fault.ToString(), o =>
        {
            if (fault == Fault.LateJoinAnswer) o.JoinAnswerDelays["chat"] = TimeSpan.FromMilliseconds(20);
            if (fault == Fault.EndStreamAfterEachCompletion) o.Faults = FakeFaults.EndStreamAfterEachCompletion;
        });
        var client = T.Client(server, new GradioClientOptions { Timeout = TimeSpan.FromSeconds(30) });
        for (var run = 1; run <= Runs; run++)
        {
            // Generous: a run takes a second or two; a hung call fails the run instead of blocking the suite.
            using var cts = T.Deadline(120);
            List<string> answers;
            try
            {
                answers = await RunOnce(client, cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"Run {run} hung: some call never ended.");
            }
            // Each call ran once on the server: the session's turns are 1..N, each handed to one call.
            var turns = answers.Select(a => int.Parse(a.Substring(a.LastIndexOf(' ') + 1).TrimEnd(')'))).OrderBy(n => n);
            Assert.Equal(Enumerable.Range(1, Tasks * CallsPerTask), turns);
        }
        Assert.Equal(1, server.MostStreamsPerSession);
    }

    [Fact]
    public async Task Messages_that_arrive_before_the_join_answer_reach_their_job()
    {
        using var cts = T.Deadline();
        // /chat's join is answered a while after its event ran; /stream_text keeps the session's
        // stream open meanwhile, so /chat's messages come before its event id is known, and the
        // stream ends (nothing else pending) before the join answer arrives.
        var server = await servers.Get(GradioProfile.V5, "slow-join", o => o.JoinAnswerDelays["chat"] = TimeSpan.FromMilliseconds(800));
        var client = T.Client(server);
        var options = new CallOptions { SessionHash = T.NewSession() };

        var streaming = await GradioCaller.SubmitAsync(client, "stream_text", new object?[] { "abcdefghijklmnopqrst" }, options, cts.Token);
        var reading = T.ReadAll(streaming, cts.Token);
        var chat = await T.Result(client, "chat", new object?[] { "early" }, cts.Token, options);

        Assert.Equal("You said: early (turn 1)", T.Text(chat[0]));
        Assert.Equal("abcdefghijklmnopqrst", T.Text(T.Terminal(await reading).Data![0]));
        Assert.Equal(1, server.MostStreamsPerSession);
    }

    [Fact]
    public async Task A_stream_that_keeps_ending_with_nothing_fails_the_job_as_dropped()
    {
        using var cts = T.Deadline();
        var client = T.Client(await servers.Get(GradioProfile.V5, "empty", o => o.Faults = FakeFaults.EmptyQueueStreams));
        var job = await GradioCaller.SubmitAsync(client, "chat", new object?[] { "x" }, new CallOptions { SessionHash = T.NewSession() }, cts.Token);
        var ex = await Assert.ThrowsAsync<GradioException>(() => T.ReadAll(job, cts.Token));
        Assert.Equal(GradioErrorKind.StreamDropped, ex.Kind);
    }
}

