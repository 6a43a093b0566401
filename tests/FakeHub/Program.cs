using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// Program mode, for Pester and demos:
/// dotnet run --project tests/FakeHub -- --port 0 [--cdn-port N] [--space owner/demo=http://127.0.0.1:7860/]...
///   [--stage owner/demo=SLEEPING]... [--page-size N] [--no-seed] [--api-quota N] [--retry-after S]
///   [--cdn-range honour|ignore|notsatisfiable] [--chat-delay-ms N] [--bulk-models N]
///   [--multipart-threshold BYTES] [--multipart-chunk BYTES]
/// Faults can also be injected while it runs: see ControlRoutes (POST /__fakehub/...).
/// Prints "READY url=http://127.0.0.1:PORT/ cdn=http://localhost:CDNPORT/" once listening and serves until killed.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        FakeHubOptions options;
        var hosts = new System.Collections.Generic.List<(string Space, Uri Url)>();
        var stages = new System.Collections.Generic.List<(string Space, string Stage)>();
        try
        {
            options = Parse(args, hosts, stages);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"fake-hub: {e.Message}");
            return 2;
        }
        FakeHubServer server;
        try
        {
            server = await FakeHubServer.StartAsync(options);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"fake-hub: {e.Message}");
            return 1;
        }
        await using (server)
        {
            try
            {
                foreach (var (space, url) in hosts) server.SetGradioHost(space, url);
                foreach (var (space, stage) in stages) server.SetStage(space, stage);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"fake-hub: {e.Message}");
                return 2;
            }
            Console.WriteLine($"READY url={server.BaseUrl} cdn={server.CdnBaseUrl}");
            // The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
            await server.WaitForShutdownAsync();
        }
        return 0;
    }

    private static FakeHubOptions Parse(string[] args,
        System.Collections.Generic.List<(string, Uri)> hosts, System.Collections.Generic.List<(string, string)> stages)
    {
        var options = new FakeHubOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            (string, string) Pair(string option)
            {
                var pair = Next().Split('=', 2);
                return pair.Length == 2 ? (pair[0], pair[1]) : throw new ArgumentException($"{option} takes owner/name=value");
            }
            switch (args[i])
            {
                case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cdn-port": options.CdnPort = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--page-size": options.PageSizeCap = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-seed": options.SeedDefaults = false; break;
                case "--api-quota":
                    options.RateLimit.AnonymousApiQuota = options.RateLimit.UserApiQuota = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--retry-after": options.RateLimit.RetryAfterSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cdn-range": options.CdnRange = Enum.Parse<CdnRangeMode>(Next(), ignoreCase: true); break;
                case "--multipart-threshold": options.MultipartThreshold = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--multipart-chunk": options.MultipartChunkSize = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--chat-delay-ms": options.ChatTokenDelay = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--bulk-models":
                    // Public models bulk/model-00001... with falling downloads, for listing benchmarks (bench/startup-and-listing.ps1).
                    var count = int.Parse(Next(), CultureInfo.InvariantCulture);
                    for (var n = 1; n <= count; n++)
                        options.Repos.Add(new FakeRepo(FakeRepoType.Model, $"bulk/model-{n:D5}") { Downloads = count - n, PipelineTag = "text-generation", LibraryName = "transformers" });
                    break;
                case "--space":
                    var (space, url) = Pair("--space");
                    hosts.Add((space, new Uri(url, UriKind.Absolute)));
                    break;
                case "--stage":
                    stages.Add(Pair("--stage"));
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return options;
    }
}
