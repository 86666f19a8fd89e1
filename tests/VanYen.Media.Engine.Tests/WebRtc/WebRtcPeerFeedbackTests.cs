using System.Buffers.Binary;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.WebRtc;

/// <summary>What the server peer sends back to a browser for the SFU: RTCP feedback as SRTCP, RTX, and what it reads from report blocks.</summary>
public sealed class WebRtcPeerFeedbackTests
{
    private const uint MediaSsrc = 0xCAFE_0001;

    [Fact]
    public void APictureLossIndicationReachesTheBrowserAsSrtcp()
    {
        using var fixture = new InMemoryWebRtcFixture();
        Assert.True(fixture.Peer.SendPictureLossIndication(MediaSsrc));

        RtcpPacket packet = Single(fixture.LastRtcp);
        Assert.True(RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli));
        Assert.Equal(fixture.Peer.LocalSsrc, pli.SenderSsrc);
        Assert.Equal(MediaSsrc, pli.MediaSsrc);
        Assert.Equal(1, fixture.Peer.FeedbackPacketsSent);
    }

    [Fact]
    public void EachFullIntraRequestCarriesANewRequestNumber()
    {
        using var fixture = new InMemoryWebRtcFixture();
        fixture.Peer.SendFullIntraRequest(MediaSsrc);
        Assert.True(RtcpFullIntraRequest.TryParse(Single(fixture.LastRtcp), out RtcpFullIntraRequest first));
        byte firstNumber = first.GetEntry(0).SequenceNumber;
        fixture.Peer.SendFullIntraRequest(MediaSsrc);
        Assert.True(RtcpFullIntraRequest.TryParse(Single(fixture.LastRtcp), out RtcpFullIntraRequest second));

        Assert.Equal(MediaSsrc, second.GetEntry(0).Ssrc);
        Assert.Equal((byte)(firstNumber + 1), second.GetEntry(0).SequenceNumber);
    }

    [Fact]
    public void AGenericNackNamesTheLostSequenceNumbersOfTheStream()
    {
        using var fixture = new InMemoryWebRtcFixture();
        Assert.True(fixture.Peer.SendGenericNack(MediaSsrc, [65_535, 0, 3, 40]));

        Assert.True(RtcpGenericNack.TryParse(Single(fixture.LastRtcp), out RtcpGenericNack nack));
        Assert.Equal(MediaSsrc, nack.MediaSsrc);
        var lost = new List<ushort>();
        foreach (ushort sequenceNumber in nack.LostSequenceNumbers)
        {
            lost.Add(sequenceNumber);
        }

        Assert.Equal([65_535, 0, 3, 40], lost);
        Assert.False(fixture.Peer.SendGenericNack(MediaSsrc, []));
    }

    [Fact]
    public void AReceiverEstimatedMaxBitrateCarriesTheBitrateAndTheStreams()
    {
        using var fixture = new InMemoryWebRtcFixture();
        Assert.True(fixture.Peer.SendReceiverEstimatedMaxBitrate(1_234_000, [MediaSsrc, MediaSsrc + 1]));

        Assert.True(RtcpReceiverEstimatedMaxBitrate.TryParse(Single(fixture.LastRtcp), out RtcpReceiverEstimatedMaxBitrate remb));
        // REMB is a mantissa and exponent: exact to 18 significant bits.
        Assert.InRange(remb.Bitrate, 1_233_990ul, 1_234_000ul);
        Assert.Equal(2, remb.SsrcCount);
        Assert.Equal(MediaSsrc + 1, remb.GetSsrc(1));
    }

    [Fact]
    public void AnRtxPacketCarriesTheOriginalSequenceNumberThenThePayloadWithoutPadding()
    {
        using var fixture = new InMemoryWebRtcFixture();
        byte[] source = new byte[12 + 8 + 4];
        RtpHeaderWriter.Write(source, new RtpHeaderFields(96, true, 700, 90_000, 0x0BAD_F00D));
        source[0] |= 0x20; // padding: 4 bytes, the last says so
        source.AsSpan(12, 8).Fill(0x5A);
        source[^1] = 4;

        Assert.True(fixture.Peer.ForwardRtx(source, 0x7777_0001, 42, 12_345, 123_456, 97, marker: true, default));

        Assert.True(RtpPacket.TryParse(fixture.LastRtp, out RtpPacket rtx));
        Assert.Equal(0x7777_0001u, rtx.Ssrc);
        Assert.Equal(42, rtx.SequenceNumber);
        Assert.Equal(123_456u, rtx.Timestamp);
        Assert.Equal(97, rtx.PayloadType);
        Assert.True(rtx.Marker);
        Assert.False(rtx.HasPadding);
        Assert.Equal(12_345, BinaryPrimitives.ReadUInt16BigEndian(rtx.Payload));
        Assert.Equal(Enumerable.Repeat((byte)0x5A, 8), rtx.Payload[2..].ToArray());
    }

    [Fact]
    public void TheRoundTripTimeComesFromTheBrowsersReportBlockAboutOurStream()
    {
        using var fixture = new InMemoryWebRtcFixture();
        byte[] rtp = new byte[40];
        RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, false, 1, 960, MediaSsrc));
        Assert.True(fixture.Peer.SendRtp(rtp));
        Assert.Null(fixture.Peer.RoundTripTime);

        // Our SR left 150 ms ago and the browser held it 50 ms: 100 ms on the wire.
        uint now = NtpTimestamp.Now(fixture.Time).Compact;
        var block = new RtcpReportBlock(MediaSsrc, 64, 3, 100, 480, now - NtpTimestamp.DurationToCompact(TimeSpan.FromMilliseconds(150)), NtpTimestamp.DurationToCompact(TimeSpan.FromMilliseconds(50)));
        byte[] report = new byte[RtcpReceiverReport.GetLength(1)];
        int length = RtcpReceiverReport.Write(report, InMemoryWebRtcFixture.BrowserSsrc, [block]);
        byte[] protectedReport = new byte[length + 64];
        fixture.BrowserOutbound.TryProtectRtcp(report.AsSpan(0, length), protectedReport, out int protectedLength);
        fixture.BrowserEnd.TrySend(protectedReport.AsSpan(0, protectedLength), fixture.ServerEnd.LocalAddress);

        Assert.InRange(fixture.Peer.RoundTripTime!.Value.TotalMilliseconds, 99, 101);
        Assert.True(fixture.Peer.TryGetRemoteReport(MediaSsrc, out RtcpReportBlock stored));
        Assert.Equal(64, stored.FractionLost);
        Assert.Equal(480u, stored.Jitter);
        Assert.False(fixture.Peer.TryGetRemoteReport(MediaSsrc + 1, out _));
    }

    [Fact]
    public void SendingFeedbackAndRtxAllocatesNothing()
    {
        using var fixture = new InMemoryWebRtcFixture { UnprotectAtBrowser = false };
        byte[] source = new byte[200];
        RtpHeaderWriter.Write(source, new RtpHeaderFields(96, false, 1, 90_000, 0x0BAD_F00D));
        ushort sequenceNumber = 0;
        AllocationBudget.AssertZero(() =>
        {
            fixture.Peer.SendPictureLossIndication(MediaSsrc);
            fixture.Peer.SendGenericNack(MediaSsrc, [sequenceNumber]);
            fixture.Peer.ForwardRtx(source, 0x7777_0001, sequenceNumber++, 1, 2, 97, false, default);
        });
    }

    private static RtcpPacket Single(byte[] compound)
    {
        var reader = new RtcpCompoundReader(compound);
        Assert.True(reader.MoveNext());
        RtcpPacket packet = reader.Current;
        Assert.False(reader.MoveNext());
        return packet;
    }
}
