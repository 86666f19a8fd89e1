using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Rtp;

public class RtpReceiverStatisticsTests
{
    private const int OpusClockRate = 48000;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AScriptedStreamWithLossReorderDuplicateAndWrapGivesTheHandComputedReports()
    {
        var statistics = new RtpReceiverStatistics(0x11223344, OpusClockRate, _time);

        // 20 ms Opus packets (960 timestamp units), arrival jitter in ms, across the 16-bit wrap.
        Assert.False(Receive(statistics, 65530, 0, 0)); // probation (RFC 3550 A.1)
        Assert.True(Receive(statistics, 65531, 960, 20)); // validated: base sequence
        Assert.True(Receive(statistics, 65532, 1920, 20)); // D = 0
        Assert.True(Receive(statistics, 65534, 3840, 25)); // 65533 lost; D = |1200 - 1920| = 720, J = 45
        Assert.True(Receive(statistics, 65535, 4800, 15)); // D = |720 - 960| = 240, J = 57.1875
        Assert.Equal(57.1875, statistics.Jitter, 6);

        RtcpReportBlock first = statistics.CreateReportBlock();
        Assert.Equal(0x11223344u, first.Ssrc);
        Assert.Equal(5, statistics.PacketsExpected);
        Assert.Equal(4, statistics.PacketsReceived);
        Assert.Equal(1, first.CumulativeLost);
        Assert.Equal(51, first.FractionLost); // 1 of 5: 256 / 5
        Assert.Equal(65535u, first.ExtendedHighestSequenceNumber);
        Assert.Equal(57u, first.Jitter);
        Assert.Equal(0u, first.LastSenderReport);
        Assert.Equal(0u, first.DelaySinceLastSenderReport);

        Assert.True(Receive(statistics, 1, 6720, 40)); // wrapped; 0 missing so far; D = 0, J = 53.61328125
        Assert.True(Receive(statistics, 0, 5760, 5)); // reordered; D = |240 + 960| = 1200, J = 125.262451171875
        Assert.True(Receive(statistics, 1, 6720, 1)); // duplicate; D = |48 - 960| = 912, J = 174.433547973633
        Assert.True(Receive(statistics, 2, 7680, 14)); // D = |672 - 960| = 288, J = 181.531451225281
        Assert.Equal(181.531451225281, statistics.Jitter, 9);

        RtcpReportBlock second = statistics.CreateReportBlock();
        Assert.Equal(8, statistics.PacketsExpected);
        Assert.Equal(8, statistics.PacketsReceived);
        Assert.Equal(0, second.CumulativeLost); // the duplicate hides the loss, as RFC 3550 A.3 counts
        Assert.Equal(0, second.FractionLost); // interval: 3 expected, 4 received
        Assert.Equal(0x0001_0002u, second.ExtendedHighestSequenceNumber);
        Assert.Equal(181u, second.Jitter);

        Assert.True(Receive(statistics, 5, 10560, 60)); // 3 and 4 lost; D = 0, J = 170.185735523701
        RtcpReportBlock third = statistics.CreateReportBlock();
        Assert.Equal(2, third.CumulativeLost);
        Assert.Equal(170, third.FractionLost); // 2 of 3: 512 / 3
        Assert.Equal(0x0001_0005u, third.ExtendedHighestSequenceNumber);
        Assert.Equal(170u, third.Jitter);
    }

    [Fact]
    public void AVeryLargeJumpIsIgnoredOnceAndRestartsTheCountWhenFollowedBySequentially()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Receive(statistics, 100, 0, 0);
        Receive(statistics, 101, 960, 20);
        Receive(statistics, 102, 1920, 20);

        Assert.False(Receive(statistics, 30000, 5000, 20));
        Assert.Equal(2, statistics.PacketsReceived);
        Assert.Equal(102u, statistics.ExtendedHighestSequenceNumber);

        Assert.True(Receive(statistics, 30001, 5960, 20));
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(1, statistics.PacketsExpected);
        Assert.Equal(30001u, statistics.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void AJumpWithinTheDropoutLimitCountsAsLoss()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Receive(statistics, 10, 0, 0);
        Receive(statistics, 11, 960, 20);

        Assert.True(Receive(statistics, 2010, 960 * 2000, 20));
        Assert.Equal(2000, statistics.PacketsExpected);
        Assert.Equal(1998, statistics.CumulativeLost);
    }

    [Fact]
    public void DuplicatesMakeCumulativeLossNegative()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Receive(statistics, 1, 0, 0);
        Receive(statistics, 2, 960, 20);
        Receive(statistics, 3, 1920, 20);
        Receive(statistics, 3, 1920, 1);
        Receive(statistics, 3, 1920, 1);

        RtcpReportBlock block = statistics.CreateReportBlock();
        Assert.Equal(-2, block.CumulativeLost);
        Assert.Equal(0, block.FractionLost);
    }

    [Fact]
    public void ProbationAcceptsSequentialPacketsAcrossTheWrap()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Assert.False(Receive(statistics, 65535, 0, 0));
        Assert.False(statistics.IsValid);
        Assert.True(Receive(statistics, 0, 960, 20));
        Assert.True(statistics.IsValid);
        Assert.Equal(0u, statistics.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void ANonSequentialPacketOnProbationStartsProbationAgain()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Assert.False(Receive(statistics, 10, 0, 0));
        Assert.False(Receive(statistics, 50, 960, 20));
        Assert.True(Receive(statistics, 51, 1920, 20));
        Assert.Equal(51u, statistics.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void FractionLostCoversOnlyTheIntervalSinceThePreviousReport()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Receive(statistics, 1, 0, 0);
        Receive(statistics, 2, 960, 20);
        statistics.CreateReportBlock();

        Receive(statistics, 12, 960 * 11, 200);
        RtcpReportBlock block = statistics.CreateReportBlock();
        Assert.Equal(9, block.CumulativeLost);
        Assert.Equal(230, block.FractionLost); // 9 of 10 lost: 2304 / 10
    }

    [Fact]
    public void TheLastSenderReportIsEchoedWithTheDelaySinceItArrived()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        Receive(statistics, 1, 0, 0);
        Receive(statistics, 2, 960, 20);
        var senderReportTime = new NtpTimestamp(0xE8A5_1234_5678_9ABCUL);

        statistics.OnSenderReportReceived(senderReportTime);
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        RtcpReportBlock block = statistics.CreateReportBlock();

        Assert.True(statistics.HasSenderReport);
        Assert.Equal(0x1234_5678u, block.LastSenderReport);
        Assert.Equal(98304u, block.DelaySinceLastSenderReport); // 1.5 s in 1/65536 s
    }

    [Fact]
    public void RoundTripTimeFollowsFromOurSenderReportEchoedByThePeer()
    {
        // We send an SR at T; the peer holds it 250 ms and answers; its RR reaches us 100 ms of network later.
        DateTimeOffset sent = _time.GetUtcNow();
        var peer = new RtpReceiverStatistics(7, OpusClockRate, _time);
        peer.OnPacketReceived(1, 0);
        peer.OnPacketReceived(2, 960);
        _time.Advance(TimeSpan.FromMilliseconds(40));
        peer.OnSenderReportReceived(NtpTimestamp.FromDateTimeOffset(sent));
        _time.Advance(TimeSpan.FromMilliseconds(250));
        RtcpReportBlock block = peer.CreateReportBlock();
        _time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.True(block.TryGetRoundTripTime(NtpTimestamp.Now(_time), out TimeSpan roundTrip));
        Assert.InRange(roundTrip.TotalMilliseconds, 99.9, 100.1);
    }

    [Fact]
    public void StatisticsUpdateAllocatesNothing()
    {
        var statistics = new RtpReceiverStatistics(1, OpusClockRate, _time);
        ushort sequence = 0;
        uint timestamp = 0;
        long arrival = 0;
        AllocationBudget.AssertZero(() =>
        {
            arrival += 200_000;
            statistics.OnPacketReceived(sequence++, timestamp += 960, arrival);
        });
        AllocationBudget.AssertZero(() => statistics.CreateReportBlock(arrival));
    }

    private bool Receive(RtpReceiverStatistics statistics, ushort sequence, uint timestamp, int millisecondsSincePrevious)
    {
        _time.Advance(TimeSpan.FromMilliseconds(millisecondsSincePrevious));
        return statistics.OnPacketReceived(sequence, timestamp);
    }
}
