using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Rtcp.RtcpTestHelpers;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpGenericNackTests
{
    [Fact]
    public void TryParseReadsTheItemAndEnumeratesTheLostPackets()
    {
        Assert.True(RtcpGenericNack.TryParse(First(RtcpTestPackets.Nack()), out RtcpGenericNack nack));
        Assert.Equal(1u, nack.SenderSsrc);
        Assert.Equal(0x11223344u, nack.MediaSsrc);
        Assert.Equal(1, nack.ItemCount);
        nack.GetItem(0, out ushort packetId, out ushort bitmask);
        Assert.Equal(100, packetId);
        Assert.Equal(0x0005, bitmask);
        Assert.Equal([100, 101, 103], Lost(RtcpTestPackets.Nack()));
    }

    [Fact]
    public void LostPacketsAcrossTheWrapAndSeveralItemsAreEnumeratedInOrder()
    {
        Assert.Equal([65535, 0, 15, 200], Lost(RtcpTestPackets.NackAcrossTheWrap()));
    }

    [Fact]
    public void WriteReproducesTheHandBuiltVectors()
    {
        byte[] buffer = new byte[RtcpGenericNack.GetMaxLength(4)];

        int length = RtcpGenericNack.Write(buffer, 1, 0x11223344, [100, 101, 103]);
        Assert.Equal(RtcpTestPackets.Nack(), buffer.AsSpan(0, length).ToArray());

        length = RtcpGenericNack.Write(buffer, 1, 0x11223344, [65535, 0, 15, 200]);
        Assert.Equal(RtcpTestPackets.NackAcrossTheWrap(), buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void WritingARandomSortedLossListRoundTrips()
    {
        var random = new Random(7);
        for (int round = 0; round < 200; round++)
        {
            ushort start = (ushort)random.Next(65536);
            var lost = new List<ushort>();
            int offset = 0;
            for (int i = 0; i < random.Next(1, 60); i++)
            {
                offset += random.Next(1, 30);
                lost.Add((ushort)(start + offset));
            }

            byte[] buffer = new byte[RtcpGenericNack.GetMaxLength(lost.Count)];
            int length = RtcpGenericNack.Write(buffer, 9, 10, lost.ToArray());

            Assert.Equal(lost.ConvertAll(sequence => (int)sequence), Lost(buffer.AsSpan(0, length).ToArray()));
        }
    }

    [Fact]
    public void DuplicateNumbersAreWrittenOnce()
    {
        byte[] buffer = new byte[RtcpGenericNack.GetMaxLength(3)];
        int length = RtcpGenericNack.Write(buffer, 1, 2, [5, 5, 6]);
        Assert.Equal(16, length);
        Assert.Equal([5, 6], Lost(buffer.AsSpan(0, length).ToArray()));
    }

    [Fact]
    public void WriteRefusesAnEmptyListAndATooSmallDestination()
    {
        Assert.Throws<ArgumentException>(() => RtcpGenericNack.Write(new byte[64], 1, 2, []));
        Assert.Throws<ArgumentException>(() => RtcpGenericNack.Write(new byte[19], 1, 2, [1, 100]));
    }

    [Fact]
    public void TryParseRejectsOtherFormatsAndAnEmptyFci()
    {
        Assert.False(RtcpGenericNack.TryParse(First(RtcpTestPackets.PictureLossIndication()), out _));
        Assert.False(RtcpGenericNack.TryParse(First(RtcpTestPackets.TransportWideFeedbackWithOneBitVector()), out _));
        byte[] noItem = [0x81, 0xCD, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2];
        Assert.False(RtcpGenericNack.TryParse(First(noItem), out _));
    }

    [Fact]
    public void NackParseAndEnumerationAllocateNothing()
    {
        byte[] bytes = RtcpTestPackets.NackAcrossTheWrap();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtcpPacket.TryParse(bytes, out RtcpPacket packet, out _);
            RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack);
            foreach (ushort sequence in nack.LostSequenceNumbers)
            {
                sink += sequence;
            }
        });
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void NackWriteAllocatesNothing()
    {
        byte[] buffer = new byte[64];
        ushort[] lost = [100, 101, 103, 140, 141];
        AllocationBudget.AssertZero(() => RtcpGenericNack.Write(buffer, 1, 2, lost));
    }

    private static List<int> Lost(byte[] bytes)
    {
        Assert.True(RtcpGenericNack.TryParse(First(bytes), out RtcpGenericNack nack));
        var lost = new List<int>();
        foreach (ushort sequence in nack.LostSequenceNumbers)
        {
            lost.Add(sequence);
        }

        return lost;
    }
}
