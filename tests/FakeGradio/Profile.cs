using System;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// What a <see cref="GradioProfile"/> implies. Every capability is derived from the reported version
/// with the landmarks of docs/gradio-protocol.md §0, so a version string and the behaviour never disagree.
/// </summary>
internal sealed class Profile
{
    public Profile(GradioProfile kind)
    {
        Kind = kind;
        VersionText = kind switch
        {
            GradioProfile.V3 => "3.50.2",
            GradioProfile.V4_0 => "4.8.0",
            GradioProfile.V4_9 => "4.16.0",
            GradioProfile.V4_17 => "4.19.2", // sse_v2 without /call (added in 4.20)
            GradioProfile.V4_21 => "4.21.0",
            GradioProfile.V4_44 => "4.44.1",
            GradioProfile.V5 => "5.14.0",
            GradioProfile.V6 => "6.0.0",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Version = System.Version.Parse(VersionText);
    }

    public GradioProfile Kind { get; }
    public string VersionText { get; }
    private Version Version { get; }

    private bool AtLeast(int major, int minor) => Version >= new Version(major, minor);

    public bool IsV3 => Kind == GradioProfile.V3;

    /// <summary>config.protocol; null in 3.x (clients treat it as "ws").</summary>
    public string? Protocol => Kind switch
    {
        GradioProfile.V3 => null,
        GradioProfile.V4_0 => "sse",
        GradioProfile.V4_9 => "sse_v1",
        GradioProfile.V4_17 => "sse_v2",
        GradioProfile.V4_21 => "sse_v2.1",
        _ => "sse_v3",
    };

    /// <summary>4.0–4.8: one GET queue/join SSE per job with the send_data handshake.</summary>
    public bool SseV0 => Kind == GradioProfile.V4_0;
    /// <summary>4.9+: POST queue/join, multiplexed GET queue/data.</summary>
    public bool Multiplexed => AtLeast(4, 9);
    public bool Diffs => AtLeast(4, 17);
    public bool CloseStream => AtLeast(4, 22);
    public string ApiPrefix => AtLeast(5, 0) ? "/gradio_api" : "";
    public bool HasCall => AtLeast(4, 20);
    public bool HasCancel => AtLeast(4, 31);
    public bool HasHeartbeatRoute => AtLeast(4, 25);
    public bool HasUploadProgress => AtLeast(4, 10);
    public bool OldEstimationFields => !AtLeast(4, 13);
    public bool FileIsStream => AtLeast(4, 18);
    public bool FileMeta => AtLeast(4, 21);
    public bool RequireFileMeta => AtLeast(5, 5);
    public bool ParameterNames => AtLeast(4, 23);
    public bool HeartbeatConfig => AtLeast(4, 29); // connect_heartbeat and max_file_size
    public bool EnforceMaxFileSize => AtLeast(4, 29);
    public bool OrjsonCompact => AtLeast(4, 29);
    public bool DependencyId => AtLeast(4, 32);
    public bool ShowApiInInfo => AtLeast(4, 32);
    public bool EventShowApi => AtLeast(4, 14);
    public bool AllEndpoints => AtLeast(4, 36);
    public bool RenderFields => AtLeast(4, 30); // render_config, changed_state_ids, rendered_in
    public bool LogDuration => AtLeast(4, 30);
    public bool Titles => AtLeast(5, 0); // error titles, time_limit, event_id:null on stream messages
    public bool ApiVisibility => AtLeast(6, 0);
    public bool EndpointDescription => AtLeast(5, 29);
    public bool AuthDetailObject => AtLeast(5, 38); // 401 {"detail": {"error", "auth_message"}}
    public bool ReprErrors => !AtLeast(5, 0); // 4.x Error.__str__ returns repr(message)
    public bool LowercaseDictType => AtLeast(5, 0);
    public bool ResetIsNoOp => AtLeast(4, 31);
    public bool MissingFileIs403 => AtLeast(5, 0);
    public bool UnknownApiTraceback => AtLeast(5, 0);
    /// <summary>Content-addressed upload folders: SHA-256 in 5.x, SHA-1 before.</summary>
    public bool UploadSha256 => AtLeast(5, 0);
}
