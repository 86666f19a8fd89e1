using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// One RTCP packet of a compound packet (RFC 3550 §6.4.1 common header): version, padding,
/// count or feedback format, packet type, length and the body between header and padding.
/// Type-specific readers (<see cref="RtcpSenderReport"/>, <see cref="RtcpGenericNack"/>, ...) take it.
/// </summary>
public readonly ref struct RtcpPacket
{
    /// <summary>Length of the common header.</summary>
    public const int HeaderLength = 4;

    /// <summary>The only RTCP version there is.</summary>
    public const int RtcpVersion = 2;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _paddingLength;

    private RtcpPacket(ReadOnlySpan<byte> packet, int paddingLength)
    {
        _packet = packet;
        _paddingLength = paddingLength;
    }

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    /// <summary>Always 2 for a parsed packet.</summary>
    public int Version => _packet[0] >> 6;

    /// <summary>The P bit.</summary>
    public bool HasPadding => (_packet[0] & 0x20) != 0;

    /// <summary>The 5-bit count field: report count, source count, or (feedback) the format.</summary>
    public int Count => _packet[0] & 0x1F;

    /// <summary>The feedback message type (RFC 4585 §6.1), the same bits as <see cref="Count"/>.</summary>
    public int Format => _packet[0] & 0x1F;

    /// <summary>The packet type.</summary>
    public RtcpPacketType PacketType => (RtcpPacketType)_packet[1];

    /// <summary>The length field: the packet's length in 32-bit words minus one.</summary>
    public int LengthInWords => BinaryPrimitives.ReadUInt16BigEndian(_packet.Slice(2));

    /// <summary>The body: everything after the 4-byte header, without padding.</summary>
    public ReadOnlySpan<byte> Body => _packet.Slice(HeaderLength, _packet.Length - HeaderLength - _paddingLength);

    /// <summary>
    /// Reads the RTCP packet at the start of <paramref name="data"/>: version 2, a length that fits,
    /// a padding count that fits. <paramref name="consumed"/> is the packet's length in bytes.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpPacket packet, out int consumed)
    {
        packet = default;
        consumed = 0;
        if (data.Length < HeaderLength || (data[0] >> 6) != RtcpVersion)
        {
            return false;
        }

        int length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2)) + 1);
        if (length > data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = data.Slice(0, length);
        int paddingLength = 0;
        if ((data[0] & 0x20) != 0)
        {
            // RFC 3550 §6.4.1: the last octet counts the padding, itself included.
            paddingLength = bytes[^1];
            if (paddingLength == 0 || paddingLength > length - HeaderLength)
            {
                return false;
            }
        }

        packet = new RtcpPacket(bytes, paddingLength);
        consumed = length;
        return true;
    }
}
