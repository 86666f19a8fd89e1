namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A codec both sides agreed on for one m= section.</summary>
/// <param name="PayloadType">The payload type (the offerer's number).</param>
/// <param name="Name">The encoding name as the offer wrote it (opus, VP8, H264, ...).</param>
/// <param name="ClockRate">The RTP clock rate.</param>
/// <param name="Channels">The channel count, or null.</param>
public sealed record NegotiatedCodec(int PayloadType, string Name, int ClockRate, int? Channels)
{
    /// <summary>The browser's format parameters for this payload type (what it sends / wants to receive).</summary>
    public IReadOnlyList<SdpFmtpParameter> RemoteParameters { get; init; } = [];

    /// <summary>The RTCP feedback both sides use for this payload type.</summary>
    public IReadOnlyList<SdpRtcpFeedbackType> RtcpFeedback { get; init; } = [];

    /// <summary>The RTX payload type whose apt is this one, or null when RTX is not negotiated.</summary>
    public int? RtxPayloadType { get; init; }

    /// <summary>True when the encoding name is <paramref name="name"/> (case-insensitive).</summary>
    public bool IsCodec(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="feedback"/> was negotiated for this payload type.</summary>
    public bool HasFeedback(SdpRtcpFeedbackType feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        foreach (var negotiated in RtcpFeedback)
        {
            if (negotiated.Type.Equals(feedback.Type, StringComparison.OrdinalIgnoreCase)
                && string.Equals(negotiated.Subtype, feedback.Subtype, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
