using System.Buffers.Binary;

namespace VanYen.Media.Engine.Tests.Net;

/// <summary>Well-formed datagrams of each kind multiplexed on a media port, for tests.</summary>
internal static class TestDatagrams
{
    public const int RtpHeaderLength = 12;
    private const int ChecksumLength = 4;

    /// <summary>
    /// Writes an RTP packet (V=2, PT=111) with <paramref name="sequence"/>, a payload derived from it
    /// and an FNV-1a checksum of the payload in the last four bytes; returns its length.
    /// </summary>
    public static int WriteRtp(Span<byte> destination, ushort sequence, int payloadLength = 160)
    {
        int length = RtpHeaderLength + payloadLength + ChecksumLength;
        Span<byte> packet = destination[..length];
        packet[0] = 0x80;
        packet[1] = 111;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], sequence * 960u);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], 0x1234_5678);
        Span<byte> payload = packet.Slice(RtpHeaderLength, payloadLength);
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((sequence * 31) + i);
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[^ChecksumLength..], Fnv1a(payload));
        return length;
    }

    /// <summary>Reads back what <see cref="WriteRtp"/> wrote; false when the checksum does not match.</summary>
    public static bool TryReadRtp(ReadOnlySpan<byte> packet, out ushort sequence)
    {
        sequence = 0;
        if (packet.Length < RtpHeaderLength + ChecksumLength)
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        ReadOnlySpan<byte> payload = packet[RtpHeaderLength..^ChecksumLength];
        return BinaryPrimitives.ReadUInt32BigEndian(packet[^ChecksumLength..]) == Fnv1a(payload);
    }

    public static byte[] Rtp(ushort sequence, int payloadLength = 160)
    {
        byte[] packet = new byte[RtpHeaderLength + payloadLength + ChecksumLength];
        WriteRtp(packet, sequence, payloadLength);
        return packet;
    }

    /// <summary>A STUN Binding request header (RFC 8489 §5), no attributes.</summary>
    public static byte[] Stun() =>
        [0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>A DTLS 1.2 handshake record header (RFC 6347 §4.1) with a 4-byte body.</summary>
    public static byte[] Dtls() =>
        [0x16, 0xFE, 0xFD, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x04, 1, 2, 3, 4];

    /// <summary>An empty RTCP receiver report (RFC 3550 §6.4.2): packet type 201.</summary>
    public static byte[] Rtcp() =>
        [0x80, 0xC9, 0x00, 0x01, 0xDE, 0xAD, 0xBE, 0xEF];

    /// <summary>A TURN ChannelData message on channel 0x4000 (RFC 8656 §12.4).</summary>
    public static byte[] TurnChannel() =>
        [0x40, 0x00, 0x00, 0x04, 1, 2, 3, 4];

    /// <summary>A ZRTP packet header (RFC 6189 §5).</summary>
    public static byte[] Zrtp() =>
        [0x10, 0x00, 0x00, 0x01, 0x5A, 0x52, 0x54, 0x50, 0x00, 0x00, 0x00, 0x01];

    /// <summary>20 bytes starting with <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static byte[] Starting(byte first, byte second = 0)
    {
        byte[] datagram = new byte[20];
        datagram[0] = first;
        datagram[1] = second;
        return datagram;
    }

    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        uint hash = 2166136261;
        foreach (byte b in data)
        {
            hash = (hash ^ b) * 16777619;
        }

        return hash;
    }
}
