using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Everything the routes share for one server instance.</summary>
internal sealed class ServerContext
{
    public ServerContext(FakeGradioOptions options, string uploadDirectory)
    {
        Options = options;
        Profile = new Profile(options.Profile);
        App = FakeApp.Create(options.App, Profile);
        Messages = new Messages(Profile);
        Files = new FileStore(uploadDirectory, Profile, Profile.ApiPrefix);
        Queue = new EventQueue(this);
        Processor = new EventProcessor(this);
        Login = new LoginState(options.Auth, Profile.AuthDetailObject);
    }

    public FakeGradioOptions Options { get; }
    public Profile Profile { get; }
    public FakeApp App { get; }
    public Messages Messages { get; }
    public Sessions Sessions { get; } = new();
    public FileStore Files { get; }
    public EventQueue Queue { get; }
    public EventProcessor Processor { get; }
    public LoginState Login { get; }
    public UploadTracker Uploads { get; } = new();
    /// <summary>Requests seen per fault scope and route, for faults that answer differently after N (FaultRoutes.cs).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> FaultCounters { get; } = new();
    public StreamReaders Readers { get; } = new();
    /// <summary>Signalled when the server shuts down, so open streams end at once.</summary>
    public System.Threading.CancellationToken Stopping { get; set; }

    /// <summary>config.app_id: random per process, so clients can detect a restart.</summary>
    public ulong AppId { get; } = (ulong)Random.Shared.NextInt64();

    /// <summary>API routes live under this (5.x: "/gradio_api").</summary>
    public string Prefix => Profile.ApiPrefix;

    /// <summary>The public root as Gradio computes it: x-forwarded-proto/host when present, plus the mount path.</summary>
    public static string Root(HttpContext ctx)
    {
        var headers = ctx.Request.Headers;
        var proto = headers["x-forwarded-proto"].FirstOrDefault() ?? ctx.Request.Scheme;
        var host = headers["x-forwarded-host"].FirstOrDefault() ?? ctx.Request.Host.Value;
        return $"{proto}://{host}{ctx.Request.PathBase}";
    }

    /// <summary>route_utils.get_fn by name (case-sensitive); api_name=False and unnamed events never match.</summary>
    public Dependency? FindByName(string apiName) =>
        App.Dependencies.FirstOrDefault(d => !d.ApiNameFalse && d.ApiName == apiName);

    public Dependency? FindByIndex(int fnIndex) =>
        fnIndex >= 0 && fnIndex < App.Dependencies.Count ? App.Dependencies[fnIndex] : null;

    public static string NewEventId() => Guid.NewGuid().ToString("N");
}
