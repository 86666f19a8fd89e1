using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpReportBlockTests
{
    [Fact]
    public void RoundTripTimeMatchesTheExampleOfRfc3550Section641()
    {
        // RFC 3550 §6.4.1: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000, delay 0x0006:2000 = 6.125 s.
        var block = new RtcpReportBlock(1, 0, 0, 0, 0, 0xB705_2000, 0x0005_4000);

        Assert.True(block.TryGetRoundTripTime(0xB710_8000, out TimeSpan roundTrip));
        Assert.Equal(TimeSpan.FromSeconds(6.125), roundTrip);
    }

    [Fact]
    public void RoundTripTimeWorksAcrossTheCompactClockWrap()
    {
        // SR stamped 0.5 s before the wrap, held 0.25 s, answer back 0.25 s after the wrap: 0.5 s.
        var block = new RtcpReportBlock(1, 0, 0, 0, 0, 0xFFFF_8000, 0x0000_4000);
        Assert.True(block.TryGetRoundTripTime(0x0000_4000, out TimeSpan roundTrip));
        Assert.Equal(TimeSpan.FromSeconds(0.5), roundTrip);
    }

    [Fact]
    public void NoRoundTripTimeWithoutASenderReportOrWithANegativeResult()
    {
        var noSenderReport = new RtcpReportBlock(1, 0, 0, 0, 0, 0, 0);
        Assert.False(noSenderReport.TryGetRoundTripTime(0x1234_0000, out _));

        var fromTheFuture = new RtcpReportBlock(1, 0, 0, 0, 0, 0x1000_0000, 0x0001_0000);
        Assert.False(fromTheFuture.TryGetRoundTripTime(0x1000_8000, out _));
    }

    [Fact]
    public void CumulativeLossIsClampedTo24BitsSigned()
    {
        Assert.Equal(0x7F_FFFF, new RtcpReportBlock(1, 0, int.MaxValue, 0, 0, 0, 0).CumulativeLost);
        Assert.Equal(-0x80_0000, new RtcpReportBlock(1, 0, int.MinValue, 0, 0, 0, 0).CumulativeLost);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-0x80_0000)]
    [InlineData(0x7F_FFFF)]
    public void WriteThenReadRoundTrips(int cumulativeLost)
    {
        var block = new RtcpReportBlock(0xCAFEBABE, 200, cumulativeLost, 0x0002_FFFF, 1234, 0xB705_2000, 0x0005_4000);
        byte[] buffer = new byte[RtcpReportBlock.Length];

        Assert.Equal(24, block.WriteTo(buffer));
        Assert.Equal(block, RtcpReportBlock.Read(buffer));
    }
}
