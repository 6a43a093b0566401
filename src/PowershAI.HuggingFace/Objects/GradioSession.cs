using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// A client-side session with one app, like a browser tab: its own Gradio session_hash (so
/// gr.State carries over between its calls), its uploads, its calls and its download folder.
/// Sessions are process-wide: every runspace of the process sees the same ones.
/// </summary>
public sealed class GradioSession
{
    readonly object _lock = new();
    readonly List<SessionApiEvent> _calls = new();
    readonly ConcurrentDictionary<string, JsonObject> _uploads = new();
    PSObject? _info;
    bool _warnedDropping;

    internal GradioSession(string name, GradioClient client, AppInfo app)
    {
        Name = name;
        // Kept without the opening cmdlet's log: each later command reports to its own (ClientFor).
        Client = new GradioClient(client.Connection, client.Options.WithLog(null));
        App = app;
        SessionHash = GradioCaller.NewSessionHash();
        PowershaiTypeName.Tag(this, nameof(GradioSession));
        DownloadPath = Path.Combine(Path.GetTempPath(), "PowershAI.HuggingFace", SessionId.ToString("N"));
    }

    public Guid SessionId { get; } = Guid.NewGuid();

    public string Name { get; }

    /// <summary>The app's root URL.</summary>
    public string AppUrl => App.Root.AbsoluteUri;

    /// <summary>Where the API answers (root plus /gradio_api on 5.x), as PowershAI reported it.</summary>
    public string RealAppUrl => App.ApiBase.AbsoluteUri.TrimEnd('/');

    public string Version => App.VersionText;

    public string Protocol => App.Protocol;

    /// <summary>The Gradio session hash every call of this session sends.</summary>
    public string SessionHash { get; }

    /// <summary>The app's /info, as Get-GradioInfo returns it.</summary>
    public PSObject Info => _info ??= InfoObjects.Info(App);

    /// <summary>Default folder for downloaded outputs (created at the first download); an existing file is refused here, not at that download.</summary>
    public string DownloadPath
    {
        get => _downloadPath;
        set => _downloadPath = File.Exists(value)
            ? throw new GradioException(GradioErrorKind.InvalidArguments, $"The download path must be a folder; '{value}' is a file.", target: value)
            : value;
    }

    string _downloadPath = "";

    /// <summary>
    /// How many calls are kept; MaxCallsPolicy says what a call past it does: error (fails), warning
    /// (drops the oldest, and says so once) or remove (drops the oldest silently).
    /// </summary>
    public int MaxCalls { get; set; } = 100;

    public string MaxCallsPolicy { get; set; } = "warning";

    /// <summary>The calls made, oldest first.</summary>
    public IReadOnlyList<SessionApiEvent> Calls
    {
        get { lock (_lock) return _calls.ToList(); }
    }

    internal GradioClient Client { get; }

    /// <summary>The session's client reporting its HTTP exchanges to <paramref name="log"/>.</summary>
    internal GradioClient ClientFor(Core.Http.IHttpLog log) => new(Client.Connection, Client.Options.WithLog(log));

    internal AppInfo App { get; }

    /// <summary>FileData of files already uploaded, by path, size and time, so a file is sent once.</summary>
    internal ConcurrentDictionary<string, JsonObject> Uploads => _uploads;

    /// <summary>
    /// Records a call, applying the MaxCalls policy first: the history never grows past MaxCalls.
    /// Returns a warning to show, if any (only the first time calls are dropped); throws when the
    /// policy is error and the limit is reached.
    /// </summary>
    internal string? Record(SessionApiEvent call)
    {
        lock (_lock)
        {
            string? warning = null;
            if (_calls.Count >= MaxCalls)
            {
                var policy = MaxCallsPolicy.ToLowerInvariant();
                if (policy == "error")
                    throw new Core.GradioException(Core.GradioErrorKind.InvalidArguments,
                        $"Session '{Name}' has reached MaxCalls ({MaxCalls}). Remove calls with Remove-GradioSessionApi or raise the limit with Set-GradioSession -MaxCalls.");
                _calls.RemoveRange(0, _calls.Count - MaxCalls + 1);
                if (policy != "remove" && !_warnedDropping)
                {
                    _warnedDropping = true;
                    warning = $"Session '{Name}' has reached MaxCalls ({MaxCalls}): each new call now drops the oldest one from its history. Said once; raise the limit with Set-GradioSession -MaxCalls.";
                }
            }
            _calls.Add(call);
            return warning;
        }
    }

    internal SessionApiEvent? FindCall(string id)
    {
        lock (_lock) return _calls.FirstOrDefault(c => c.Id == id);
    }

    internal void RemoveCalls(IEnumerable<SessionApiEvent> calls)
    {
        var set = new HashSet<SessionApiEvent>(calls);
        lock (_lock) _calls.RemoveAll(set.Contains);
    }

    public override string ToString() => Name;
}

/// <summary>A call made through a session (PowershAI's SessionApiEvent).</summary>
public sealed class SessionApiEvent
{
    internal SessionApiEvent(GradioSession session, GradioApiEvent apiEvent)
    {
        Session = session;
        ApiEvent = apiEvent;
    }

    /// <summary>The Gradio event id.</summary>
    public string Id => ApiEvent.EventId ?? "";

    public string ApiName => ApiEvent.ApiName;

    public string? Status => ApiEvent.Status;

    /// <summary>The failure's text when <see cref="Status"/> is error.</summary>
    public object? Error => ApiEvent.Error;

    public GradioApiEvent ApiEvent { get; }

    internal GradioSession Session { get; }

    public string SessionName => Session.Name;

    public override string ToString() => $"{ApiName} {Id} ({Status ?? "submitted"})";
}
