using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Program mode, for demos without a genuine Gradio and for the Pester tests:
/// dotnet run --project tests/FakeGradio -- --profile v5 --port 7860 [--app simple|full|hostile|many[:N]|stream[:N]] [--mount /app]
///   [--auth user:pass] [--https] [--proxy-auth user:pass] [--show-error] [--api-prefix P] [--api-closed] [--step-delay-ms N] [--heartbeat-ms N] [--max-file-size N]
///   [--max-queue-size N] [--faults MalformedSse,stalled-download,...] [--fault-size N] [--fault-count N]
///   [--stall-sec N] [--endless-sec N] [--lifetime-sec N]
/// Prints "READY url=... profile=..." once listening and serves until killed, or until --lifetime-sec
/// (an hour by default, 0 for no limit) has passed, so a server a test run forgot ends by itself.
/// Every fault is also served under /fault/{name}/ (FaultScope.cs), whatever --faults says.
/// </summary>
public static class Program
{
    private static TimeSpan _lifetime = TimeSpan.FromHours(1);

    public static async Task<int> Main(string[] args)
    {
        FakeGradioOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            await Console.Error.WriteLineAsync($"fake-gradio: {e.Message}");
            return 2;
        }
        FakeGradioServer server;
        try
        {
            server = await FakeGradioServer.StartAsync(options);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"fake-gradio: {e.Message}");
            return 1;
        }
        await using (server)
        {
            Console.WriteLine($"READY url={server.BaseUrl} profile={options.Profile.ToString().ToLowerInvariant()}");
            // The host's console lifetime turns Ctrl+C and SIGTERM into a shutdown.
            var shutdown = server.WaitForShutdownAsync();
            if (_lifetime > TimeSpan.Zero) await Task.WhenAny(shutdown, Task.Delay(_lifetime));
            else await shutdown;
        }
        return 0;
    }

    private static FakeGradioOptions Parse(string[] args)
    {
        var options = new FakeGradioOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--profile": options.Profile = ParseProfile(Next()); break;
                case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--app": options.App = Next(); break;
                case "--mount": options.MountPath = Next(); break;
                case "--https": options.Https = true; break;
                case "--proxy-auth":
                    var proxyPair = Next().Split(':', 2);
                    options.ProxyAuth = (proxyPair[0], proxyPair[1]);
                    break;
                case "--auth":
                    var pair = Next().Split(':', 2);
                    options.Auth = (pair[0], pair[1]);
                    break;
                case "--show-error": options.ShowError = true; break;
                case "--api-prefix": options.ApiPrefix = Next(); break;
                case "--api-closed": options.ApiOpen = false; break;
                case "--step-delay-ms": options.StepDelay = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--heartbeat-ms": options.HeartbeatInterval = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--max-file-size": options.MaxFileSize = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--faults":
                    var names = Next();
                    options.Faults = FaultScope.TryParse(names, out var faults) ? faults : throw new ArgumentException($"unknown fault in '{names}'");
                    break;
                case "--fault-size": options.FaultSize = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--fault-count": options.FaultCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--stall-sec": options.StallLimit = Seconds(Next()); break;
                case "--endless-sec": options.EndlessLimit = Seconds(Next()); break;
                case "--lifetime-sec": _lifetime = Seconds(Next()); break;
                case "--max-queue-size": options.MaxQueueSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return options;
    }

    private static TimeSpan Seconds(string text) => TimeSpan.FromSeconds(int.Parse(text, CultureInfo.InvariantCulture));

    /// <summary>Accepts "v5", "V4_44", "v4.44" or "4.44".</summary>
    private static GradioProfile ParseProfile(string text)
    {
        var name = "V" + text.TrimStart('v', 'V').Replace('.', '_');
        return Enum.TryParse<GradioProfile>(name, ignoreCase: true, out var profile) && Enum.IsDefined(profile)
            ? profile
            : throw new ArgumentException($"unknown profile '{text}' (v3, v4.0, v4.9, v4.17, v4.21, v4.44, v5, v6)");
    }
}
