namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An RTCP feedback kind without a payload type (RFC 4585 §4.2), e.g. "nack pli".</summary>
/// <param name="Type">nack, ccm, goog-remb, transport-cc, ...</param>
/// <param name="Subtype">pli, fir, ... or null.</param>
public sealed record SdpRtcpFeedbackType(string Type, string? Subtype = null)
{
    /// <summary>Generic NACK (RFC 4585 §6.2.1).</summary>
    public static SdpRtcpFeedbackType Nack { get; } = new("nack");

    /// <summary>Picture loss indication (RFC 4585 §6.3.1).</summary>
    public static SdpRtcpFeedbackType NackPli { get; } = new("nack", "pli");

    /// <summary>Full intra request (RFC 5104 §4.3.1).</summary>
    public static SdpRtcpFeedbackType CcmFir { get; } = new("ccm", "fir");

    /// <summary>Receiver estimated maximum bitrate (Google REMB).</summary>
    public static SdpRtcpFeedbackType GoogRemb { get; } = new("goog-remb");

    /// <summary>Transport-wide congestion control feedback.</summary>
    public static SdpRtcpFeedbackType TransportCc { get; } = new("transport-cc");

    /// <summary>The feedback kinds accepted when the options do not say otherwise.</summary>
    public static IReadOnlyList<SdpRtcpFeedbackType> Defaults { get; } = [Nack, NackPli, CcmFir, GoogRemb, TransportCc];

    /// <summary>True when <paramref name="feedback"/> is this kind (case-insensitive).</summary>
    public bool Matches(SdpRtcpFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return feedback.IsSameKind(Type, Subtype);
    }

    /// <summary>"nack pli" style text.</summary>
    public override string ToString() => Subtype is null ? Type : Type + " " + Subtype;
}
