using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.Core.Tests.Http;

/// <summary>Answers requests from a script of responses, in order, and keeps what was sent.</summary>
sealed class StubHandler : HttpMessageHandler
{
    readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public StubHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers)
    {
        foreach (var a in answers) _answers.Enqueue(a);
    }

    public List<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Requests.Add(request);
        if (_answers.Count == 0) throw new InvalidOperationException("The stub has no more answers.");
        var response = _answers.Dequeue()(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

/// <summary>Keeps the lines the HTTP layer reports.</summary>
sealed class RecordingLog : PowershAI.HuggingFace.Core.Http.IHttpLog
{
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();

    void PowershAI.HuggingFace.Core.Http.IHttpLog.Verbose(string line)
    {
        lock (Verbose) Verbose.Add(line);
    }

    void PowershAI.HuggingFace.Core.Http.IHttpLog.Debug(string line)
    {
        lock (Debug) Debug.Add(line);
    }
}
