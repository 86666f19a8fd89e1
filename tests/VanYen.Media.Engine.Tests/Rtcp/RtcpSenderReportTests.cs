using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpSenderReportTests
{
    [Fact]
    public void TryParseReadsTheSenderInfo()
    {
        Assert.True(RtcpSenderReport.TryParse(First(RtcpTestPackets.SenderReport()), out RtcpSenderReport report));
        Assert.Equal(0x11223344u, report.SenderSsrc);
        Assert.Equal(0xE8A51234u, report.NtpTimestamp.Seconds);
        Assert.Equal(0x80000000u, report.NtpTimestamp.Fraction);
        Assert.Equal(123456u, report.RtpTimestamp);
        Assert.Equal(100u, report.SenderPacketCount);
        Assert.Equal(16000u, report.SenderOctetCount);
        Assert.Equal(0, report.ReportBlockCount);
        Assert.True(report.ProfileExtension.IsEmpty);
    }

    [Fact]
    public void TryParseReadsAReportBlockWithNegativeCumulativeLoss()
    {
        Assert.True(RtcpSenderReport.TryParse(First(RtcpTestPackets.SenderReportWithBlock()), out RtcpSenderReport report));
        Assert.Equal(1, report.ReportBlockCount);
        RtcpReportBlock block = report.GetReportBlock(0);
        Assert.Equal(0x11223345u, block.Ssrc);
        Assert.Equal(64, block.FractionLost);
        Assert.Equal(-2, block.CumulativeLost);
        Assert.Equal(0x00010005u, block.ExtendedHighestSequenceNumber);
        Assert.Equal(32u, block.Jitter);
        Assert.Equal(0xB7052000u, block.LastSenderReport);
        Assert.Equal(0x00054000u, block.DelaySinceLastSenderReport);
    }

    [Fact]
    public void TryParseRejectsOtherTypesAndMissingBlocks()
    {
        Assert.False(RtcpSenderReport.TryParse(First(RtcpTestPackets.SourceDescription()), out _));

        byte[] claimsTwoBlocks = RtcpTestPackets.SenderReportWithBlock();
        claimsTwoBlocks[0] = 0x82;
        Assert.False(RtcpSenderReport.TryParse(First(claimsTwoBlocks), out _));

        byte[] noSenderInfo = [0x80, 0xC8, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44];
        Assert.False(RtcpSenderReport.TryParse(First(noSenderInfo), out _));
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVector()
    {
        byte[] buffer = new byte[RtcpSenderReport.GetLength(1)];
        var block = new RtcpReportBlock(0x11223345, 64, -2, 0x00010005, 32, 0xB7052000, 0x00054000);

        int length = RtcpSenderReport.Write(buffer, 0x11223344, new NtpTimestamp(0xE8A51234_80000000UL), 123456, 100, 16000, [block]);

        Assert.Equal(52, length);
        Assert.Equal(RtcpTestPackets.SenderReportWithBlock(), buffer);
    }

    [Fact]
    public void WriteThrowsWhenTheDestinationIsTooSmall()
    {
        Assert.Throws<ArgumentException>(() => RtcpSenderReport.Write(new byte[27], 1, default, 0, 0, 0));
    }

    [Fact]
    public void ParsingASenderReportAllocatesNothing()
    {
        byte[] bytes = RtcpTestPackets.SenderReportWithBlock();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtcpPacket.TryParse(bytes, out RtcpPacket packet, out _);
            RtcpSenderReport.TryParse(packet, out RtcpSenderReport report);
            sink += report.GetReportBlock(0).Jitter + report.RtpTimestamp;
        });
        Assert.NotEqual(0, sink);
    }
}
