using System.Buffers.Binary;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

/// <summary>Builds plain RTP and RTCP packets for the SRTP tests.</summary>
internal static class SrtpTestPackets
{
    public static byte[] Rtp(uint ssrc, ushort sequenceNumber, int payloadLength, int csrcCount = 0, int extensionWords = -1, byte fill = 0xAB)
    {
        int headerLength = 12 + (4 * csrcCount) + (extensionWords >= 0 ? 4 + (4 * extensionWords) : 0);
        var packet = new byte[headerLength + payloadLength];
        packet[0] = (byte)(0x80 | (extensionWords >= 0 ? 0x10 : 0) | csrcCount);
        packet[1] = 111;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 960u * sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        for (int i = 0; i < csrcCount; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12 + (4 * i)), 0xC0000000u + (uint)i);
        }

        if (extensionWords >= 0)
        {
            int at = 12 + (4 * csrcCount);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at), 0xBEDE);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(at + 2), (ushort)extensionWords);
            packet.AsSpan(at + 4, 4 * extensionWords).Fill(0x5A);
        }

        packet.AsSpan(headerLength).Fill(fill);
        return packet;
    }

    /// <summary>A receiver report with one report block (32 bytes) from <paramref name="ssrc"/>.</summary>
    public static byte[] RtcpReceiverReport(uint ssrc)
    {
        var packet = new byte[32];
        packet[0] = 0x81;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 7);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        for (int i = 8; i < packet.Length; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }
}
