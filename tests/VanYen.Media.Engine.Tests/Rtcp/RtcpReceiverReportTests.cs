using VanYen.Media.Engine.Rtcp;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpReceiverReportTests
{
    [Fact]
    public void TryParseReadsTheReporterAndItsBlock()
    {
        RtcpPacket packet = At(RtcpTestPackets.ReceiverReportSourceDescriptionAndBye(), 0);

        Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport report));
        Assert.Equal(0xAABBCCDDu, report.SenderSsrc);
        Assert.Equal(1, report.ReportBlockCount);
        RtcpReportBlock block = report.GetReportBlock(0);
        Assert.Equal(0x11223344u, block.Ssrc);
        Assert.Equal(25, block.FractionLost);
        Assert.Equal(16, block.CumulativeLost);
        Assert.Equal(0x00010005u, block.ExtendedHighestSequenceNumber);
        Assert.Equal(32u, block.Jitter);
        Assert.Equal(0x12348000u, block.LastSenderReport);
        Assert.Equal(0x00010000u, block.DelaySinceLastSenderReport);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            RtcpReceiverReport.TryParse(At(RtcpTestPackets.ReceiverReportSourceDescriptionAndBye(), 0), out RtcpReceiverReport again);
            return again.GetReportBlock(1);
        });
    }

    [Fact]
    public void AnEmptyReceiverReportIsValid()
    {
        byte[] bytes = new byte[RtcpReceiverReport.GetLength(0)];
        int length = RtcpReceiverReport.Write(bytes, 0x01020304);

        Assert.Equal(8, length);
        Assert.Equal(new byte[] { 0x80, 0xC9, 0x00, 0x01, 0x01, 0x02, 0x03, 0x04 }, bytes);
        Assert.True(RtcpReceiverReport.TryParse(First(bytes), out RtcpReceiverReport report));
        Assert.Equal(0, report.ReportBlockCount);
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] expected = RtcpTestPackets.ReceiverReportSourceDescriptionAndBye().AsSpan(0, 32).ToArray();
        var block = new RtcpReportBlock(0x11223344, 25, 16, 0x00010005, 32, 0x12348000, 0x00010000);
        byte[] buffer = new byte[32];

        Assert.Equal(32, RtcpReceiverReport.Write(buffer, 0xAABBCCDD, [block]));
        Assert.Equal(expected, buffer);
    }

    [Fact]
    public void TryParseRejectsABlockThatDoesNotFit()
    {
        byte[] bytes = [0x81, 0xC9, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD];
        Assert.False(RtcpReceiverReport.TryParse(First(bytes), out _));
    }

    [Fact]
    public void ThirtyTwoBlocksAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RtcpReceiverReport.Write(new byte[2000], 1, new RtcpReportBlock[32]));
    }
}
