using System.Threading;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>What an event function may use: step delays, gr.Progress, gr.Info/gr.Warning and the file cache.</summary>
internal sealed class JobContext(Job job, ServerContext server)
{
    public CancellationToken CancellationToken => job.Cancellation.Token;

    public FileStore Files => server.Files;

    public Task StepAsync() => Task.Delay(server.Options.StepDelay, CancellationToken);

    public Task ProgressAsync(int index, int length, string unit, string desc)
    {
        job.Post(server.Messages.Progress(job.EventId, index, length, unit, desc));
        return Task.CompletedTask;
    }

    public Task LogAsync(string level, string text)
    {
        job.Post(server.Messages.Log(job.EventId, level, text));
        return Task.CompletedTask;
    }
}
