using System;
using System.Management.Automation;
using System.Security;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>What the session cmdlets share: the client for a call and the bookkeeping of calls.</summary>
static class SessionCalls
{
    /// <summary>The session's connection with this call's timeout; a token or credential given here replaces the session's.</summary>
    public static GradioClient ClientFor(GradioCmdlet cmdlet, GradioSession session, SecureString? token, int timeoutSec, PSCredential? credential)
    {
        var o = session.Client.Options;
        return GradioClient.For(session.Client.Root, new GradioClientOptions
        {
            Timeout = TimeSpan.FromSeconds(timeoutSec),
            BearerToken = token != null ? Secrets.Reveal(token) : o.BearerToken,
            Credential = credential?.GetNetworkCredential() ?? o.Credential,
            Log = cmdlet.HttpLog,
            // The session's connection controls, with what this command changed on top.
            Settings = o.Settings.With(cmdlet.ConnectionOverrides()),
            Retry = cmdlet.RetryPolicy() ?? o.Retry,
        });
    }

    /// <summary>
    /// How many calls of a batch (-ThrottleLimit) may be in flight on a session: before 6.18 a
    /// /call stream of a chosen session hash is keyed by that hash (AppInfo.CallStreamKeyedBySession),
    /// so two /call calls of one session at once would read each other's stream; those go one
    /// at a time, with a warning.
    /// </summary>
    public static int BatchLimit(GradioSession session, GradioProtocol protocol, int limit, out string? warning)
    {
        warning = null;
        if (limit <= 1 || protocol != GradioProtocol.Call || !session.App.CallStreamKeyedBySession) return limit;
        warning = $"Gradio {session.App.VersionText} files a session's /call results under its session hash, so -Protocol Call runs the batch's calls one at a time; leave -Protocol out (the queue) to keep {limit} in flight.";
        return 1;
    }

    /// <summary>Records a new call in its session (MaxCalls policy) and returns it.</summary>
    public static SessionApiEvent Record(Cmdlet cmdlet, GradioSession session, GradioJob job)
    {
        var call = new SessionApiEvent(session, new GradioApiEvent(job, session.AppUrl));
        if (session.Record(call) is { } warning) cmdlet.WriteWarning(warning);
        return call;
    }
}
