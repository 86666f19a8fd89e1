using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>Writes the RTCP common header (RFC 3550 §6.4.1) and checks writers' buffers.</summary>
internal static class RtcpHeader
{
    /// <summary>Writes V=2, P=0, the count/format, the type and the length of a <paramref name="packetLength"/>-byte packet.</summary>
    public static void Write(Span<byte> destination, int count, RtcpPacketType packetType, int packetLength)
    {
        destination[0] = (byte)((RtcpPacket.RtcpVersion << 6) | (count & 0x1F));
        destination[1] = (byte)packetType;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)((packetLength / 4) - 1));
    }

    /// <summary>Throws when a writer's destination cannot hold <paramref name="length"/> bytes: a caller bug, not bad input.</summary>
    public static void EnsureCapacity(Span<byte> destination, int length)
    {
        if (destination.Length < length)
        {
            ThrowTooSmall(length);
        }
    }

    private static void ThrowTooSmall(int length) =>
        throw new ArgumentException($"The destination must hold {length} bytes.", "destination");
}
