namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A codec in an offer we create, with the payload type we chose for it.</summary>
/// <param name="PayloadType">The payload type (96-127 for dynamic codecs).</param>
/// <param name="Name">The encoding name.</param>
/// <param name="ClockRate">The RTP clock rate.</param>
/// <param name="Channels">The channel count (2 for Opus), or null.</param>
public sealed record SdpOfferCodec(int PayloadType, string Name, int ClockRate, int? Channels = null)
{
    /// <summary>The a=fmtp parameters.</summary>
    public IReadOnlyList<SdpFmtpParameter> Parameters { get; init; } = [];

    /// <summary>The a=rtcp-fb kinds we support for this payload type.</summary>
    public IReadOnlyList<SdpRtcpFeedbackType> RtcpFeedback { get; init; } = [];

    /// <summary>The RTX payload type (RFC 4588) for this codec, or null for none.</summary>
    public int? RtxPayloadType { get; init; }

    /// <summary>Opus 48000/2 with in-band FEC and transport-cc.</summary>
    public static SdpOfferCodec Opus(int payloadType = 111) => new(payloadType, "opus", 48000, 2)
    {
        Parameters = [new SdpFmtpParameter("minptime", "10"), new SdpFmtpParameter("useinbandfec", "1")],
        RtcpFeedback = [SdpRtcpFeedbackType.TransportCc],
    };

    /// <summary>VP8 with the usual feedback and an optional RTX payload type.</summary>
    public static SdpOfferCodec Vp8(int payloadType = 96, int? rtxPayloadType = 97) => new(payloadType, "VP8", 90000)
    {
        RtcpFeedback = SdpRtcpFeedbackType.Defaults,
        RtxPayloadType = rtxPayloadType,
    };

    /// <summary>H.264 Constrained Baseline 3.1, packetization-mode 1, with the usual feedback and optional RTX.</summary>
    public static SdpOfferCodec H264(int payloadType = 102, int? rtxPayloadType = 103) => new(payloadType, "H264", 90000)
    {
        Parameters =
        [
            new SdpFmtpParameter("level-asymmetry-allowed", "1"),
            new SdpFmtpParameter("packetization-mode", "1"),
            new SdpFmtpParameter("profile-level-id", "42e01f"),
        ],
        RtcpFeedback = SdpRtcpFeedbackType.Defaults,
        RtxPayloadType = rtxPayloadType,
    };
}
