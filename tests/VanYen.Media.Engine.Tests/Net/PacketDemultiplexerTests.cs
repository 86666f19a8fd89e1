using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

public class PacketDemultiplexerTests
{
    [Theory]
    // RFC 7983 §7 ranges, each boundary byte; second byte 0 is an RTP payload type, not RTCP.
    [InlineData(0, PacketKind.Stun)]
    [InlineData(3, PacketKind.Stun)]
    [InlineData(4, PacketKind.Unknown)]
    [InlineData(15, PacketKind.Unknown)]
    [InlineData(16, PacketKind.Zrtp)]
    [InlineData(19, PacketKind.Zrtp)]
    [InlineData(20, PacketKind.Dtls)]
    [InlineData(63, PacketKind.Dtls)]
    [InlineData(64, PacketKind.TurnChannel)]
    [InlineData(79, PacketKind.TurnChannel)]
    [InlineData(80, PacketKind.Unknown)]
    [InlineData(127, PacketKind.Unknown)]
    [InlineData(128, PacketKind.Rtp)]
    [InlineData(191, PacketKind.Rtp)]
    [InlineData(192, PacketKind.Unknown)]
    [InlineData(255, PacketKind.Unknown)]
    public void ClassifyFollowsTheFirstByteRanges(byte first, PacketKind expected)
    {
        Assert.Equal(expected, PacketDemultiplexer.Classify(TestDatagrams.Starting(first)));
    }

    [Theory]
    // RFC 5761 §4: RTCP packet types 192–223 in the second byte; anything else is marker + RTP payload type.
    [InlineData(0, PacketKind.Rtp)]
    [InlineData(111, PacketKind.Rtp)]
    [InlineData(127, PacketKind.Rtp)]
    [InlineData(128, PacketKind.Rtp)]
    [InlineData(191, PacketKind.Rtp)]
    [InlineData(192, PacketKind.Rtcp)]
    [InlineData(200, PacketKind.Rtcp)]
    [InlineData(201, PacketKind.Rtcp)]
    [InlineData(223, PacketKind.Rtcp)]
    [InlineData(224, PacketKind.Rtp)]
    [InlineData(255, PacketKind.Rtp)]
    public void ClassifySplitsRtpFromRtcpByTheSecondByte(byte second, PacketKind expected)
    {
        Assert.Equal(expected, PacketDemultiplexer.Classify(TestDatagrams.Starting(0x80, second)));
        Assert.Equal(expected, PacketDemultiplexer.Classify(TestDatagrams.Starting(0xBF, second)));
    }

    [Fact]
    public void ClassifyRecognisesWellFormedDatagramsOfEachKind()
    {
        Assert.Equal(PacketKind.Stun, PacketDemultiplexer.Classify(TestDatagrams.Stun()));
        Assert.Equal(PacketKind.Zrtp, PacketDemultiplexer.Classify(TestDatagrams.Zrtp()));
        Assert.Equal(PacketKind.Dtls, PacketDemultiplexer.Classify(TestDatagrams.Dtls()));
        Assert.Equal(PacketKind.TurnChannel, PacketDemultiplexer.Classify(TestDatagrams.TurnChannel()));
        Assert.Equal(PacketKind.Rtp, PacketDemultiplexer.Classify(TestDatagrams.Rtp(1)));
        Assert.Equal(PacketKind.Rtcp, PacketDemultiplexer.Classify(TestDatagrams.Rtcp()));
    }

    [Fact]
    public void ClassifyReturnsUnknownForAnEmptyDatagram()
    {
        Assert.Equal(PacketKind.Unknown, PacketDemultiplexer.Classify([]));
    }

    [Theory]
    [InlineData(0x00, 0x01, PacketDemultiplexer.MinimumStunLength, PacketKind.Stun)]
    [InlineData(0x10, 0x00, PacketDemultiplexer.MinimumZrtpLength, PacketKind.Zrtp)]
    [InlineData(0x16, 0xFE, PacketDemultiplexer.MinimumDtlsLength, PacketKind.Dtls)]
    [InlineData(0x40, 0x00, PacketDemultiplexer.MinimumTurnChannelLength, PacketKind.TurnChannel)]
    [InlineData(0x80, 111, PacketDemultiplexer.MinimumRtpLength, PacketKind.Rtp)]
    [InlineData(0x80, 200, PacketDemultiplexer.MinimumRtcpLength, PacketKind.Rtcp)]
    public void ClassifyReturnsUnknownWhenShorterThanTheFixedHeader(byte first, byte second, int minimumLength, PacketKind kind)
    {
        byte[] datagram = new byte[minimumLength];
        datagram[0] = first;
        datagram[1] = second;

        Assert.Equal(kind, PacketDemultiplexer.Classify(datagram));
        Assert.Equal(PacketKind.Unknown, PacketDemultiplexer.Classify(datagram.AsSpan(0, minimumLength - 1)));
    }

    [Fact]
    public void ClassifyOfRandomBytesNeverThrowsAndAgreesWithTheFirstByteRanges()
    {
        var random = new Random(7983);
        byte[] buffer = new byte[64];
        for (int i = 0; i < 100_000; i++)
        {
            int length = random.Next(0, buffer.Length + 1);
            random.NextBytes(buffer);
            ReadOnlySpan<byte> datagram = buffer.AsSpan(0, length);

            PacketKind kind = PacketDemultiplexer.Classify(datagram);

            if (kind != PacketKind.Unknown)
            {
                Assert.Equal(kind, ExpectedKind(datagram[0], datagram[1]));
            }
        }
    }

    [Fact]
    public void ClassifyAllocatesNothing()
    {
        byte[] rtp = TestDatagrams.Rtp(7);
        byte[] stun = TestDatagrams.Stun();
        PacketKind kind = PacketKind.Unknown;

        AllocationBudget.AssertZero(() =>
        {
            kind = PacketDemultiplexer.Classify(rtp);
            kind = PacketDemultiplexer.Classify(stun);
        });

        Assert.Equal(PacketKind.Stun, kind);
    }

    private static PacketKind ExpectedKind(byte first, byte second) => first switch
    {
        <= 3 => PacketKind.Stun,
        >= 16 and <= 19 => PacketKind.Zrtp,
        >= 20 and <= 63 => PacketKind.Dtls,
        >= 64 and <= 79 => PacketKind.TurnChannel,
        >= 128 and <= 191 => second is >= 192 and <= 223 ? PacketKind.Rtcp : PacketKind.Rtp,
        _ => PacketKind.Unknown,
    };
}
