using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>Which payload type of a subscriber's m-line carries a publisher's codec (each side numbers its own).</summary>
internal static class PayloadTypeMapping
{
    /// <summary>
    /// The subscriber's codec with the same name; for H.264 the same profile-level-id and packetization-mode when
    /// the subscriber has it (RFC 6184 §8.1), else the first H.264. Null when the subscriber cannot decode it.
    /// </summary>
    public static NegotiatedCodec? FindCounterpart(NegotiatedCodec source, NegotiatedMedia subscriber)
    {
        NegotiatedCodec? byName = null;
        foreach (NegotiatedCodec candidate in subscriber.Codecs)
        {
            if (!candidate.IsCodec(source.Name) || candidate.ClockRate != source.ClockRate)
            {
                continue;
            }

            if (!source.IsCodec("H264") || SameH264Format(source, candidate))
            {
                return candidate;
            }

            byName ??= candidate;
        }

        return byName;
    }

    private static bool SameH264Format(NegotiatedCodec a, NegotiatedCodec b) =>
        string.Equals(SdpFmtp.FindValue(a.RemoteParameters, "profile-level-id"), SdpFmtp.FindValue(b.RemoteParameters, "profile-level-id"), StringComparison.OrdinalIgnoreCase)
        && string.Equals(SdpFmtp.FindValue(a.RemoteParameters, "packetization-mode") ?? "0", SdpFmtp.FindValue(b.RemoteParameters, "packetization-mode") ?? "0", StringComparison.Ordinal);
}
