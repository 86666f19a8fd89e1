using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class RtcpCompoundReaderTests
{
    [Fact]
    public void ASenderReportAndSourceDescriptionCompoundYieldsBothHeaders()
    {
        var reader = new RtcpCompoundReader(RtcpTestPackets.SenderReportAndSourceDescription());

        Assert.True(reader.MoveNext());
        RtcpPacket first = reader.Current;
        Assert.Equal(2, first.Version);
        Assert.False(first.HasPadding);
        Assert.Equal(0, first.Count);
        Assert.Equal(RtcpPacketType.SenderReport, first.PacketType);
        Assert.Equal(6, first.LengthInWords);
        Assert.Equal(24, first.Body.Length);

        Assert.True(reader.MoveNext());
        RtcpPacket second = reader.Current;
        Assert.Equal(1, second.Count);
        Assert.Equal(RtcpPacketType.SourceDescription, second.PacketType);
        Assert.Equal(28, second.Packet.Length);

        Assert.False(reader.MoveNext());
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void AReceiverReportSourceDescriptionAndByeCompoundYieldsThreePackets()
    {
        var types = new List<RtcpPacketType>();
        var reader = new RtcpCompoundReader(RtcpTestPackets.ReceiverReportSourceDescriptionAndBye());
        foreach (RtcpPacket packet in reader)
        {
            types.Add(packet.PacketType);
        }

        Assert.Equal([RtcpPacketType.ReceiverReport, RtcpPacketType.SourceDescription, RtcpPacketType.Bye], types);
        Assert.True(RtcpCompoundReader.IsWellFormed(RtcpTestPackets.ReceiverReportSourceDescriptionAndBye()));
    }

    [Fact]
    public void PaddingIsExcludedFromTheBody()
    {
        byte[] bytes = [0xA1, 0xCB, 0x00, 0x02, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x04];
        Assert.True(RtcpPacket.TryParse(bytes, out RtcpPacket packet, out int consumed));
        Assert.Equal(12, consumed);
        Assert.True(packet.HasPadding);
        Assert.Equal(4, packet.Body.Length);
        Assert.True(RtcpBye.TryParse(packet, out RtcpBye bye));
        Assert.Equal(1, bye.SsrcCount);
        Assert.False(bye.HasReason);
    }

    [Fact]
    public void ATruncatedSecondPacketStopsTheWalkAndIsReportedMalformed()
    {
        byte[] compound = RtcpTestPackets.SenderReportAndSourceDescription();
        var reader = new RtcpCompoundReader(compound.AsSpan(0, compound.Length - 4));

        Assert.True(reader.MoveNext());
        Assert.Equal(RtcpPacketType.SenderReport, reader.Current.PacketType);
        Assert.False(reader.MoveNext());
        Assert.True(reader.IsMalformed);
        Assert.False(RtcpCompoundReader.IsWellFormed(compound.AsSpan(0, compound.Length - 4)));
    }

    public static TheoryData<string, byte[]> MalformedPackets() => new()
    {
        { "shorter than a header", [0x80, 0xC8, 0x00] },
        { "version 1", [0x40, 0xC8, 0x00, 0x00] },
        { "length beyond the data", [0x80, 0xC9, 0x00, 0x01, 0, 0, 0] },
        { "padding count 0", [0xA0, 0xC9, 0x00, 0x01, 0, 0, 0, 0] },
        { "padding beyond the body", [0xA0, 0xC9, 0x00, 0x01, 0, 0, 0, 5] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void TryParseReturnsFalseForAMalformedPacket(string why, byte[] bytes)
    {
        Assert.False(RtcpPacket.TryParse(bytes, out _, out _), why);
        Assert.False(RtcpCompoundReader.IsWellFormed(bytes), why);
    }

    [Fact]
    public void AnEmptyCompoundIsNotWellFormed()
    {
        Assert.False(RtcpCompoundReader.IsWellFormed([]));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void MutatedCompoundsNeverThrowFromAnyReader(int seed)
    {
        byte[][] seeds =
        [
            RtcpTestPackets.SenderReportAndSourceDescription(),
            [.. RtcpTestPackets.SenderReportWithBlock(), .. RtcpTestPackets.ReceiverReportSourceDescriptionAndBye()],
            [.. RtcpTestPackets.Nack(), .. RtcpTestPackets.NackAcrossTheWrap(), .. RtcpTestPackets.PictureLossIndication()],
            [.. RtcpTestPackets.FullIntraRequest(), .. RtcpTestPackets.ReceiverEstimatedMaxBitrate()],
            RtcpTestPackets.TransportWideFeedbackWithRunAndTwoBitVector(),
            RtcpTestPackets.TransportWideFeedbackWithOneBitVector(),
        ];

        foreach (byte[] valid in seeds)
        {
            foreach (byte[] bytes in ByteMutations.Of(valid, seed, 1500))
            {
                foreach (RtcpPacket packet in new RtcpCompoundReader(bytes))
                {
                    Assert.Equal(2, packet.Version);
                    Assert.Equal(4 * (packet.LengthInWords + 1), packet.Packet.Length);
                    RtcpReaders.TouchEverything(packet);
                }
            }
        }
    }

    [Fact]
    public void CompoundIterationWithReadersAllocatesNothing()
    {
        byte[] compound = [.. RtcpTestPackets.SenderReportAndSourceDescription(), .. RtcpTestPackets.ReceiverReportSourceDescriptionAndBye()];
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            foreach (RtcpPacket packet in new RtcpCompoundReader(compound))
            {
                sink += RtcpReaders.TouchEverything(packet, checkCounts: false);
            }
        });
        Assert.NotEqual(0, sink);
    }
}
