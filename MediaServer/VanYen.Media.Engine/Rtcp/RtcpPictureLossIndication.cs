namespace VanYen.Media.Engine.Rtcp;

/// <summary>A PLI (PSFB, FMT 1, RFC 4585 §6.3.1): the receiver lost picture data and asks for a key frame.</summary>
public readonly ref struct RtcpPictureLossIndication
{
    /// <summary>The PSFB format of a PLI.</summary>
    public const int Format = 1;

    /// <summary>Bytes on the wire.</summary>
    public const int Length = RtcpFeedback.FciOffset;

    private RtcpPictureLossIndication(uint senderSsrc, uint mediaSsrc)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
    }

    /// <summary>SSRC of the packet's sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>SSRC of the media source that should send a key frame.</summary>
    public uint MediaSsrc { get; }

    /// <summary>Reads a PLI; false unless PSFB FMT 1 without FCI (RFC 4585 §6.3.1.2).</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpPictureLossIndication pli)
    {
        pli = default;
        if (!RtcpFeedback.TryRead(packet, RtcpPacketType.PayloadSpecificFeedback, Format, out uint sender, out uint media, out ReadOnlySpan<byte> fci)
            || !fci.IsEmpty)
        {
            return false;
        }

        pli = new RtcpPictureLossIndication(sender, media);
        return true;
    }

    /// <summary>Writes a PLI and returns its length (12); throws when <paramref name="destination"/> is too small.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc)
    {
        RtcpHeader.EnsureCapacity(destination, Length);
        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, Format, Length, senderSsrc, mediaSsrc);
        return Length;
    }
}
