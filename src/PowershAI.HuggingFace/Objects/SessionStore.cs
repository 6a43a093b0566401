using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;

namespace PowershAI.HuggingFace.Objects;

/// <summary>The sessions of a process and the name of the default one (held by <see cref="ModuleState"/>).</summary>
sealed class SessionSet
{
    public object Lock { get; } = new();
    public List<GradioSession> Sessions { get; } = new();
    public string? Default { get; set; }
}

/// <summary>
/// The process-wide set of sessions and the default one (PowershAI's rules, docs/conventions.md §1): "." is the
/// default, which is the only session when there is one, else the one Set-GradioSession
/// -Default chose; "*" is all of them.
/// </summary>
static class SessionStore
{
    static SessionSet State => ModuleState.Current.Sessions;
    static object Lock => State.Lock;
    static List<GradioSession> Sessions => State.Sessions;

    public static IReadOnlyList<GradioSession> All
    {
        get { lock (Lock) return Sessions.ToList(); }
    }

    public static void Add(GradioSession session, bool replace)
    {
        lock (Lock)
        {
            var existing = Sessions.FindIndex(s => Same(s.Name, session.Name));
            if (existing >= 0 && !replace)
                throw new GradioException(GradioErrorKind.InvalidArguments, $"A session named '{session.Name}' already exists. Use -Force to replace it, or -Name to pick another name.", target: session.Name);
            if (existing >= 0) Sessions.RemoveAt(existing);
            Sessions.Add(session);
        }
    }

    public static bool Remove(GradioSession session)
    {
        lock (Lock)
        {
            if (State.Default != null && Same(State.Default, session.Name)) State.Default = null;
            return Sessions.Remove(session);
        }
    }

    public static void SetDefault(GradioSession session)
    {
        lock (Lock) State.Default = session.Name;
    }

    public static GradioSession? Default
    {
        get
        {
            lock (Lock)
            {
                if (Sessions.Count == 1) return Sessions[0];
                return State.Default == null ? null : Sessions.FirstOrDefault(s => Same(s.Name, State.Default));
            }
        }
    }

    public static GradioSession? ById(Guid id)
    {
        lock (Lock) return Sessions.FirstOrDefault(s => s.SessionId == id);
    }

    public static GradioSession? ByName(string name)
    {
        lock (Lock) return Sessions.FirstOrDefault(s => Same(s.Name, name));
    }

    /// <summary>
    /// What a -Session argument means: a session object, something carrying one (a Space, a call),
    /// ".", a name, or a session id.
    /// </summary>
    public static GradioSession Resolve(object? value)
    {
        var v = value is PSObject ps ? ps.BaseObject : value;
        switch (v)
        {
            case GradioSession s:
                return s;
            case SessionApiEvent call:
                return call.Session;
            case null:
            case string { Length: 0 }:
            case ".":
                return Default ?? throw new GradioException(GradioErrorKind.SessionNotFound,
                    All.Count == 0 ? "There is no Gradio session. Create one with New-GradioSession <url>." : "There are several Gradio sessions and none is the default. Choose one with Set-GradioSession <name> -Default.");
        }
        // A Space from Get-HuggingFaceSpace carries its session (PowershAI: control.GradioSession).
        if (value is PSObject carrier && carrier.Properties["control"] != null)
        {
            var inner = carrier.Properties["GradioSession"]?.Value ?? (carrier.Properties["control"].Value as System.Collections.IDictionary)?["GradioSession"];
            return inner != null ? Resolve(inner) : throw new GradioException(GradioErrorKind.SessionNotFound,
                $"Space {carrier.Properties["id"]?.Value} has no Gradio session. Open one with Connect-HuggingFaceSpaceGradio.", target: carrier.Properties["id"]?.Value?.ToString());
        }
        var text = v.ToString() ?? "";
        return ByName(text) ?? (Guid.TryParse(text, out var id) ? ById(id) : null)
            ?? throw new GradioException(GradioErrorKind.SessionNotFound, $"There is no Gradio session named '{text}'. Sessions: {Names()}.", target: text);
    }

    /// <summary>
    /// The sessions a name matches with wildcards (and their app URLs too when
    /// <paramref name="urls"/>); the one meaning of a wildcard for every session cmdlet.
    /// </summary>
    public static IReadOnlyList<GradioSession> Match(string pattern, bool urls = false)
    {
        var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
        return All.Where(s => wildcard.IsMatch(s.Name) || (urls && wildcard.IsMatch(s.AppUrl))).ToList();
    }

    static string Names()
    {
        var names = All.Select(s => s.Name).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
