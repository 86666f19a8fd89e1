using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>The common part of RTPFB and PSFB messages (RFC 4585 §6.1): sender SSRC, media SSRC, FCI.</summary>
internal static class RtcpFeedback
{
    /// <summary>Sender SSRC plus media source SSRC.</summary>
    public const int FixedBodyLength = 8;

    /// <summary>Bytes before the FCI: common header plus the two SSRCs.</summary>
    public const int FciOffset = RtcpPacket.HeaderLength + FixedBodyLength;

    /// <summary>Checks type and format and splits off the two SSRCs and the FCI.</summary>
    public static bool TryRead(in RtcpPacket packet, RtcpPacketType packetType, int format, out uint senderSsrc, out uint mediaSsrc, out ReadOnlySpan<byte> fci)
    {
        senderSsrc = 0;
        mediaSsrc = 0;
        fci = default;
        ReadOnlySpan<byte> body = packet.Body;
        if (packet.PacketType != packetType || packet.Format != format || body.Length < FixedBodyLength)
        {
            return false;
        }

        senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(body);
        mediaSsrc = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(4));
        fci = body.Slice(FixedBodyLength);
        return true;
    }

    /// <summary>Writes the common header and the two SSRCs of a <paramref name="packetLength"/>-byte message.</summary>
    public static void WriteHeader(Span<byte> destination, RtcpPacketType packetType, int format, int packetLength, uint senderSsrc, uint mediaSsrc)
    {
        RtcpHeader.Write(destination, format, packetType, packetLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), mediaSsrc);
    }
}
