namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The media type of an m= line (RFC 8866 §5.14).</summary>
public enum SdpMediaKind
{
    /// <summary>A media type this server does not know (e.g. "text", "message").</summary>
    Other,

    /// <summary>"audio".</summary>
    Audio,

    /// <summary>"video".</summary>
    Video,

    /// <summary>"application" (WebRTC data channels).</summary>
    Application,
}
