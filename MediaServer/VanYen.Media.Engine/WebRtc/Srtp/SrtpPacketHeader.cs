using System.Buffers.Binary;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The few RTP and RTCP header fields SRTP needs, read straight from the packet bytes
/// so this folder depends on no other RTP types.
/// </summary>
internal static class SrtpPacketHeader
{
    public const int RtpFixedHeaderLength = 12;
    public const int RtcpFixedHeaderLength = 8;

    /// <summary>
    /// Finds where the RTP payload starts: fixed header, CSRC list and header extension
    /// (RFC 3550 §5.1, §5.3.1). False when the packet is not version 2 or the header runs past it.
    /// </summary>
    public static bool TryGetRtpHeaderLength(ReadOnlySpan<byte> packet, out int headerLength)
    {
        headerLength = 0;
        if (packet.Length < RtpFixedHeaderLength || (packet[0] >> 6) != 2)
        {
            return false;
        }

        int length = RtpFixedHeaderLength + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < length + 4)
            {
                return false;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(length + 2, 2)));
        }

        if (length > packet.Length)
        {
            return false;
        }

        headerLength = length;
        return true;
    }

    public static ushort ReadRtpSequenceNumber(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(2, 2));

    public static uint ReadRtpSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(8, 4));

    /// <summary>True when the packet is long enough for an RTCP header and is version 2.</summary>
    public static bool IsRtcpHeaderValid(ReadOnlySpan<byte> packet) =>
        packet.Length >= RtcpFixedHeaderLength && (packet[0] >> 6) == 2;

    /// <summary>The sender SSRC of the first RTCP packet in a compound packet (RFC 3711 §3.4 keys SRTCP by it).</summary>
    public static uint ReadRtcpSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(4, 4));
}
