using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpTransportWideFeedbackTests
{
    [Fact]
    public void TryParseReadsTheFixedFields()
    {
        Assert.True(RtcpTransportWideFeedback.TryParse(First(RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector()), out RtcpTransportWideFeedback feedback));
        Assert.Equal(1u, feedback.SenderSsrc);
        Assert.Equal(0x11223344u, feedback.MediaSsrc);
        Assert.Equal(100, feedback.BaseSequenceNumber);
        Assert.Equal(10, feedback.PacketStatusCount);
        Assert.Equal(258, feedback.ReferenceTime);
        Assert.Equal(258L * 64_000, feedback.ReferenceTimeMicroseconds);
        Assert.Equal(5, feedback.FeedbackPacketCount);
    }

    [Fact]
    public void ARunLengthChunkAndATwoBitVectorGiveEveryPacketsFateAndDelta()
    {
        RtcpTransportWidePacketStatus[] expected =
        [
            new(100, true, 4),
            new(101, true, 8),
            new(102, true, 12),
            new(103, true, 0),
            new(104, true, 255),
            new(105, false, 0),
            new(106, true, -4),
            new(107, true, 40),
            new(108, true, 1),
            new(109, false, 0),
        ];

        Assert.Equal(expected, Statuses(RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector()));
    }

    [Fact]
    public void AOneBitVectorAcrossTheWrapWithANegativeReferenceTime()
    {
        byte[] bytes = RtcpTestPackets.TransportWideFeedbackWithOneBitVector();
        Assert.True(RtcpTransportWideFeedback.TryParse(First(bytes), out RtcpTransportWideFeedback feedback));
        Assert.Equal(-1, feedback.ReferenceTime);
        Assert.Equal(255, feedback.FeedbackPacketCount);

        List<RtcpTransportWidePacketStatus> statuses = Statuses(bytes);
        Assert.Equal(14, statuses.Count);
        Assert.Equal(new RtcpTransportWidePacketStatus(65530, true, 1), statuses[0]);
        Assert.Equal(new RtcpTransportWidePacketStatus(65531, true, 2), statuses[1]);
        Assert.Equal(new RtcpTransportWidePacketStatus(65532, false, 0), statuses[2]);
        Assert.Equal(new RtcpTransportWidePacketStatus(65533, true, 3), statuses[3]);
        Assert.Equal(new RtcpTransportWidePacketStatus(0, false, 0), statuses[6]);
        Assert.Equal(new RtcpTransportWidePacketStatus(7, true, 4), statuses[13]);
        Assert.Equal(1000L, statuses[13].DeltaMicroseconds);
    }

    [Fact]
    public void TryParseRejectsAReservedSymbol()
    {
        byte[] runOfReserved = RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector();
        runOfReserved[20] = 0x60; // run length chunk with symbol 3
        Assert.False(RtcpTransportWideFeedback.TryParse(First(runOfReserved), out _));

        byte[] vectorWithReserved = RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector();
        vectorWithReserved[22] = 0xF9; // two-bit vector starting with symbol 3
        Assert.False(RtcpTransportWideFeedback.TryParse(First(vectorWithReserved), out _));
    }

    [Fact]
    public void TryParseRejectsDeltasThatDoNotFit()
    {
        byte[] largeDeltas = RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector();
        largeDeltas[20] = 0x40; // the run now needs 2-byte deltas: 14 bytes, 12 present
        Assert.False(RtcpTransportWideFeedback.TryParse(First(largeDeltas), out _));
    }

    [Fact]
    public void TryParseRejectsMissingChunks()
    {
        byte[] noChunks =
        [
            0x8F, 0xCD, 0x00, 0x04,
            0x00, 0x00, 0x00, 0x01,
            0x11, 0x22, 0x33, 0x44,
            0x00, 0x64, 0x00, 0x0A,
            0x00, 0x01, 0x02, 0x05,
        ];
        Assert.False(RtcpTransportWideFeedback.TryParse(First(noChunks), out _));
        Assert.False(RtcpTransportWideFeedback.TryParse(First(RtcpTestPackets.Nack()), out _));
    }

    [Fact]
    public void ALongRunOfLostPacketsNeedsNoDeltas()
    {
        byte[] bytes =
        [
            0x8F, 0xCD, 0x00, 0x05,
            0x00, 0x00, 0x00, 0x01,
            0x11, 0x22, 0x33, 0x44,
            0x00, 0x00, 0x1F, 0xFF, // base 0, 8191 packets
            0x00, 0x00, 0x00, 0x00,
            0x1F, 0xFF, 0x00, 0x00, // run of 8191 not received
        ];

        Assert.True(RtcpTransportWideFeedback.TryParse(First(bytes), out RtcpTransportWideFeedback feedback));
        int count = 0;
        foreach (RtcpTransportWidePacketStatus status in feedback.PacketStatuses)
        {
            Assert.False(status.IsReceived);
            count++;
        }

        Assert.Equal(8191, count);
    }

    [Fact]
    public void StatusEnumerationAllocatesNothing()
    {
        byte[] bytes = RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtcpPacket.TryParse(bytes, out RtcpPacket packet, out _);
            RtcpTransportWideFeedback.TryParse(packet, out RtcpTransportWideFeedback feedback);
            foreach (RtcpTransportWidePacketStatus status in feedback.PacketStatuses)
            {
                sink += status.SequenceNumber + status.Delta;
            }
        });
        Assert.NotEqual(0, sink);
    }

    private static List<RtcpTransportWidePacketStatus> Statuses(byte[] bytes)
    {
        Assert.True(RtcpTransportWideFeedback.TryParse(First(bytes), out RtcpTransportWideFeedback feedback));
        var statuses = new List<RtcpTransportWidePacketStatus>();
        foreach (RtcpTransportWidePacketStatus status in feedback.PacketStatuses)
        {
            statuses.Add(status);
        }

        return statuses;
    }
}
