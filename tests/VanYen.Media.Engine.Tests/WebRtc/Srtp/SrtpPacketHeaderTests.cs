using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class SrtpPacketHeaderTests
{
    [Theory]
    [InlineData(0, -1, 12)]
    [InlineData(3, -1, 24)]
    [InlineData(0, 0, 16)]
    [InlineData(2, 3, 12 + 8 + 4 + 12)]
    public void RtpHeaderLengthCountsCsrcsAndTheExtension(int csrcCount, int extensionWords, int expected)
    {
        byte[] packet = SrtpTestPackets.Rtp(1, 1, payloadLength: 10, csrcCount, extensionWords);
        Assert.True(SrtpPacketHeader.TryGetRtpHeaderLength(packet, out int length));
        Assert.Equal(expected, length);
    }

    [Fact]
    public void RtpHeaderLengthMayEqualThePacketLength()
    {
        byte[] packet = SrtpTestPackets.Rtp(1, 1, payloadLength: 0, csrcCount: 1);
        Assert.True(SrtpPacketHeader.TryGetRtpHeaderLength(packet, out int length));
        Assert.Equal(16, length);
    }

    [Fact]
    public void TryGetRtpHeaderLengthReturnsFalseWhenTheCsrcListIsTruncated()
    {
        byte[] packet = SrtpTestPackets.Rtp(1, 1, payloadLength: 0, csrcCount: 2);
        Assert.False(SrtpPacketHeader.TryGetRtpHeaderLength(packet.AsSpan(0, 19), out _));
    }

    [Fact]
    public void TryGetRtpHeaderLengthReturnsFalseWhenTheExtensionIsTruncated()
    {
        byte[] packet = SrtpTestPackets.Rtp(1, 1, payloadLength: 0, extensionWords: 2);
        Assert.False(SrtpPacketHeader.TryGetRtpHeaderLength(packet.AsSpan(0, packet.Length - 1), out _));
        Assert.False(SrtpPacketHeader.TryGetRtpHeaderLength(packet.AsSpan(0, 14), out _));
    }

    [Fact]
    public void TryGetRtpHeaderLengthReturnsFalseForAnotherVersionOrAShortPacket()
    {
        byte[] packet = SrtpTestPackets.Rtp(1, 1, payloadLength: 4);
        packet[0] = 0x40;
        Assert.False(SrtpPacketHeader.TryGetRtpHeaderLength(packet, out _));
        Assert.False(SrtpPacketHeader.TryGetRtpHeaderLength(new byte[11], out _));
    }
}
