using VanYen.Media.Engine.Rtcp;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpReceiverEstimatedMaxBitrateTests
{
    [Fact]
    public void TryParseReadsBitrateAndSsrcs()
    {
        Assert.True(RtcpReceiverEstimatedMaxBitrate.TryParse(First(RtcpTestPackets.ReceiverEstimatedMaxBitrate()), out RtcpReceiverEstimatedMaxBitrate remb));
        Assert.Equal(1u, remb.SenderSsrc);
        Assert.Equal(1_000_000UL, remb.Bitrate);
        Assert.Equal(1, remb.SsrcCount);
        Assert.Equal(0x11223344u, remb.GetSsrc(0));
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] buffer = new byte[RtcpReceiverEstimatedMaxBitrate.GetLength(1)];
        Assert.Equal(24, RtcpReceiverEstimatedMaxBitrate.Write(buffer, 1, 1_000_000, [0x11223344]));
        Assert.Equal(RtcpTestPackets.ReceiverEstimatedMaxBitrate(), buffer);
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(262_143UL, 262_143UL)]
    [InlineData(262_144UL, 262_144UL)]
    [InlineData(30_000_127UL, 30_000_000UL)] // rounded down to mantissa 234375 << 7
    [InlineData(ulong.MaxValue, 0xFFFF_C000_0000_0000UL)]
    public void WriteRoundsTheBitrateDownToAnEighteenBitMantissa(ulong bitrate, ulong expected)
    {
        byte[] buffer = new byte[RtcpReceiverEstimatedMaxBitrate.GetLength(2)];
        RtcpReceiverEstimatedMaxBitrate.Write(buffer, 1, bitrate, [5, 6]);

        Assert.True(RtcpReceiverEstimatedMaxBitrate.TryParse(First(buffer), out RtcpReceiverEstimatedMaxBitrate remb));
        Assert.Equal(expected, remb.Bitrate);
        Assert.Equal(2, remb.SsrcCount);
        Assert.Equal(6u, remb.GetSsrc(1));
    }

    [Fact]
    public void AnAbsurdExponentSaturates()
    {
        byte[] bytes = RtcpTestPackets.ReceiverEstimatedMaxBitrate();
        bytes[17] = 0xFF; // exponent 63, mantissa's top bits set
        Assert.True(RtcpReceiverEstimatedMaxBitrate.TryParse(First(bytes), out RtcpReceiverEstimatedMaxBitrate remb));
        Assert.Equal(ulong.MaxValue, remb.Bitrate);
    }

    [Fact]
    public void TryParseRejectsAWrongIdentifierAndMissingSsrcs()
    {
        byte[] wrongIdentifier = RtcpTestPackets.ReceiverEstimatedMaxBitrate();
        wrongIdentifier[15] = (byte)'X';
        Assert.False(RtcpReceiverEstimatedMaxBitrate.TryParse(First(wrongIdentifier), out _));

        byte[] countsTwo = RtcpTestPackets.ReceiverEstimatedMaxBitrate();
        countsTwo[16] = 2;
        Assert.False(RtcpReceiverEstimatedMaxBitrate.TryParse(First(countsTwo), out _));

        Assert.False(RtcpReceiverEstimatedMaxBitrate.TryParse(First(RtcpTestPackets.PictureLossIndication()), out _));
    }
}
