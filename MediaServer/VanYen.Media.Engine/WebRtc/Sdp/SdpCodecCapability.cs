namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A codec the answerer accepts: name, clock rate, channels and the format parameters it needs.</summary>
/// <param name="Name">The encoding name (compared case-insensitively).</param>
/// <param name="ClockRate">The RTP clock rate.</param>
/// <param name="Channels">The channel count the rtpmap must give, or null for any.</param>
public sealed record SdpCodecCapability(string Name, int ClockRate, int? Channels = null)
{
    /// <summary>Parameters the offered fmtp must carry with one of the allowed values.</summary>
    public IReadOnlyList<SdpParameterRule> RequiredParameters { get; init; } = [];

    /// <summary>
    /// The fmtp the answer gives for this codec, or null to repeat the offer's (needed for H.264, whose
    /// profile-level-id and packetization-mode must be echoed, RFC 6184 §8.2.2).
    /// </summary>
    public IReadOnlyList<SdpFmtpParameter>? AnswerParameters { get; init; }

    /// <summary>Accept the offer's RTX payload type for this codec (RFC 4588, "rtx" with apt=pt).</summary>
    public bool AcceptRtx { get; init; }

    /// <summary>Opus 48000/2 (RFC 7587); we ask for in-band FEC and 10 ms minimum packet time.</summary>
    public static SdpCodecCapability Opus { get; } = new("opus", 48000, 2)
    {
        AnswerParameters = [new SdpFmtpParameter("minptime", "10"), new SdpFmtpParameter("useinbandfec", "1")],
    };

    /// <summary>VP8 (RFC 7741) with RTX.</summary>
    public static SdpCodecCapability Vp8 { get; } = new("VP8", 90000) { AcceptRtx = true };

    /// <summary>H.264 (Constrained) Baseline level 3.1, packetization-mode 1 (RFC 6184), with RTX.</summary>
    public static SdpCodecCapability H264Baseline { get; } = new("H264", 90000)
    {
        RequiredParameters =
        [
            new SdpParameterRule("packetization-mode", ["1"]),
            new SdpParameterRule("profile-level-id", ["42e01f", "42001f", "42c01f"]),
        ],
        AcceptRtx = true,
    };

    /// <summary>True when an offered payload type (its rtpmap and fmtp) is this codec.</summary>
    public bool Matches(SdpRtpMap rtpMap, IReadOnlyList<SdpFmtpParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(rtpMap);
        if (!rtpMap.IsEncoding(Name) || rtpMap.ClockRate != ClockRate)
        {
            return false;
        }

        if (Channels is { } channels && (rtpMap.Channels ?? 1) != channels)
        {
            return false;
        }

        foreach (var rule in RequiredParameters)
        {
            if (!rule.IsSatisfiedBy(parameters))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"opus/48000/2" style description for messages.</summary>
    public override string ToString() => Channels is { } channels ? $"{Name}/{ClockRate}/{channels}" : $"{Name}/{ClockRate}";
}
