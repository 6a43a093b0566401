namespace PowershAI.HuggingFace.Core.Gradio.Transports;

/// <summary>Picks the transport for a job from the app's protocol and the caller's wish (docs/gradio-protocol.md §2.4 step 5).</summary>
static class TransportSelector
{
    static readonly IGradioTransport Queue = new QueueTransport();
    static readonly IGradioTransport Call = new CallTransport();
    static readonly IGradioTransport Run = new RunTransport();
    static readonly IGradioTransport WebSocket = new WebSocketTransport();
    static readonly IGradioTransport SseHandshake = new SseHandshakeTransport();

    public static IGradioTransport Choose(AppInfo app, EndpointInfo endpoint, GradioProtocol wanted)
    {
        switch (wanted)
        {
            case GradioProtocol.Call:
                if (!app.SupportsCall) throw Unsupported(app, "/call needs Gradio 4.20 or later");
                return Call;
            case GradioProtocol.Run:
                return Run;
            case GradioProtocol.Queue:
                return QueueFor(app) ?? throw Unsupported(app, "the app has no queue");
        }

        if (endpoint.Queue == false) return app.SupportsCall ? Call : Run;
        if (endpoint.FnIndex == null) return app.SupportsCall ? Call : Run;
        return QueueFor(app) ?? (app.SupportsCall ? Call : Run);
    }

    static IGradioTransport? QueueFor(AppInfo app) => app.Protocol switch
    {
        "ws" => app.EnableQueue ? WebSocket : null,
        "sse" => SseHandshake,
        _ when app.SupportsQueue => Queue,
        _ => null,
    };

    static GradioException Unsupported(AppInfo app, string why) =>
        new(GradioErrorKind.ProtocolNotSupported, $"That protocol is not available: {why} (the app at {app.Root} runs Gradio {(app.VersionText.Length > 0 ? app.VersionText : "of unknown version")}, protocol {app.Protocol}).", target: app.Root.ToString());
}
