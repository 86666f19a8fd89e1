using System.Text;
using VanYen.Media.Engine.Rtcp;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpByeTests
{
    [Fact]
    public void TryParseReadsTheSourceAndTheReason()
    {
        RtcpPacket packet = At(RtcpTestPackets.ReceiverReportSourceDescriptionAndBye(), 2);

        Assert.True(RtcpBye.TryParse(packet, out RtcpBye bye));
        Assert.Equal(1, bye.SsrcCount);
        Assert.Equal(0xAABBCCDDu, bye.GetSsrc(0));
        Assert.True(bye.HasReason);
        Assert.Equal("closed", Encoding.UTF8.GetString(bye.Reason));
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] expected = RtcpTestPackets.ReceiverReportSourceDescriptionAndBye().AsSpan(48).ToArray();
        byte[] buffer = new byte[RtcpBye.GetLength(1, 6)];

        Assert.Equal(16, RtcpBye.Write(buffer, [0xAABBCCDD], "closed"u8));
        Assert.Equal(expected, buffer);
    }

    [Fact]
    public void AByeWithSeveralSourcesAndNoReasonRoundTrips()
    {
        byte[] buffer = new byte[RtcpBye.GetLength(3, 0)];
        Assert.Equal(16, RtcpBye.Write(buffer, [1, 2, 3]));

        Assert.True(RtcpBye.TryParse(First(buffer), out RtcpBye bye));
        Assert.Equal(3, bye.SsrcCount);
        Assert.Equal(3u, bye.GetSsrc(2));
        Assert.False(bye.HasReason);
        Assert.True(bye.Reason.IsEmpty);
    }

    [Fact]
    public void TryParseRejectsMissingSourcesAndAnOverlongReason()
    {
        byte[] missingSource = [0x82, 0xCB, 0x00, 0x01, 0, 0, 0, 1];
        Assert.False(RtcpBye.TryParse(First(missingSource), out _));

        byte[] overlongReason = [0x81, 0xCB, 0x00, 0x02, 0, 0, 0, 1, 0x09, 0x41, 0x42, 0x43];
        Assert.False(RtcpBye.TryParse(First(overlongReason), out _));
    }
}
