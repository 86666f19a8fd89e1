namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>URIs of the RTP header extensions (RFC 8285) this server understands.</summary>
public static class SdpHeaderExtensionUris
{
    /// <summary>Client-to-mixer audio level (RFC 6464).</summary>
    public const string AudioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>Absolute send time (Google, used by REMB).</summary>
    public const string AbsoluteSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    /// <summary>Transport-wide sequence number for transport-cc feedback.</summary>
    public const string TransportWideCongestionControl = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>The BUNDLE media identification (RFC 8843 §15.2).</summary>
    public const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /// <summary>The RTP stream id used by simulcast (RFC 8852).</summary>
    public const string RtpStreamId = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

    /// <summary>The extensions accepted when the options do not say otherwise.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [AudioLevel, AbsoluteSendTime, TransportWideCongestionControl, Mid];
}
