using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc;

public sealed class WebRtcEndpointTests
{
    [Fact]
    public void SrtpFromTheValidatedAddressIsUnprotectedInPlaceParsedAndDelivered()
    {
        using var fixture = new InMemoryWebRtcFixture();
        var sink = new CountingRtpSink();
        fixture.Peer.Sink = sink;
        Assert.Equal(1, fixture.StunReceived);

        for (int i = 0; i < 5; i++)
        {
            fixture.SendBrowserRtp();
        }

        Assert.Equal(5, sink.Count);
        Assert.Equal(InMemoryWebRtcFixture.BrowserSsrc, sink.LastSsrc);
        Assert.Equal(4, sink.LastSequenceNumber);
        Assert.Equal(100, sink.LastPayloadLength);
        Assert.Equal(5, fixture.Peer.PacketsReceived);
        Assert.Equal(0, fixture.Endpoint.AuthenticationFailures);
    }

    [Fact]
    public void TamperedAndReplayedSrtpIsDroppedAndCountedPerReason()
    {
        using var fixture = new InMemoryWebRtcFixture();
        var sink = new CountingRtpSink();
        fixture.Peer.Sink = sink;
        byte[] rtp = new byte[112];
        RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, false, 77, 1000, InMemoryWebRtcFixture.BrowserSsrc));
        byte[] protectedPacket = new byte[200];
        fixture.BrowserOutbound.TryProtectRtp(rtp, protectedPacket, out int length);
        byte[] copy = protectedPacket.AsSpan(0, length).ToArray();

        fixture.BrowserEnd.TrySend(copy, fixture.ServerEnd.LocalAddress);
        fixture.BrowserEnd.TrySend(copy, fixture.ServerEnd.LocalAddress);
        RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, false, 78, 1960, InMemoryWebRtcFixture.BrowserSsrc));
        fixture.BrowserOutbound.TryProtectRtp(rtp, protectedPacket, out length);
        protectedPacket[20] ^= 0x01;
        fixture.BrowserEnd.TrySend(protectedPacket.AsSpan(0, length), fixture.ServerEnd.LocalAddress);

        Assert.Equal(1, sink.Count);
        Assert.Equal(1, fixture.Endpoint.Replays);
        Assert.Equal(1, fixture.Endpoint.AuthenticationFailures);
    }

    [Fact]
    public void NothingIsSentBeforeTheSrtpKeysExistAndSrtpBeforeKeysIsCounted()
    {
        using var fixture = new InMemoryWebRtcFixture();
        var peer = new WebRtcPeer("keyless", fixture.Endpoint, fixture.Agent.CreateSession(), fixture.Negotiated, InMemoryWebRtcFixture.Certificate, null, startDtls: false);
        byte[] rtp = new byte[40];
        RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, false, 1, 1, 1234));

        Assert.False(peer.SendRtp(rtp));
        Assert.False(peer.SendReports());
        Assert.False(peer.IsConnected);
        peer.OnSrtp(rtp);
        Assert.Equal(1, fixture.Endpoint.DroppedBeforeKeys);
        peer.Close("test", closedLocally: true);
    }

    [Fact]
    public void SendRtpProtectsForTheSelectedAddressAndTheBrowserCanUnprotectIt()
    {
        using var fixture = new InMemoryWebRtcFixture();
        byte[] rtp = new byte[60];
        int header = RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, true, 9, 900, 0xABCD_0001));
        rtp.AsSpan(header).Fill(7);

        Assert.True(fixture.Peer.SendRtp(rtp));

        Assert.Equal(1, fixture.RtpReceived);
        Assert.Equal(rtp, fixture.LastRtp);
    }

    [Fact]
    public void TheMaintenanceTimerSendsSenderAndReceiverReportsWithCnameAsSrtcp()
    {
        using var fixture = new InMemoryWebRtcFixture();
        for (int i = 0; i < 10; i++)
        {
            fixture.SendBrowserRtp();
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fixture.RtcpReceived);
        var reader = new RtcpCompoundReader(fixture.LastRtcp);
        Assert.True(reader.MoveNext());
        Assert.True(RtcpReceiverReport.TryParse(reader.Current, out RtcpReceiverReport receiverReport));
        Assert.Equal(0x5E12_0001u, receiverReport.SenderSsrc);
        Assert.Equal(1, receiverReport.ReportBlockCount);
        Assert.Equal(InMemoryWebRtcFixture.BrowserSsrc, receiverReport.GetReportBlock(0).Ssrc);
        Assert.Equal(9u, receiverReport.GetReportBlock(0).ExtendedHighestSequenceNumber);
        Assert.True(reader.MoveNext());
        Assert.True(RtcpSourceDescription.TryParse(reader.Current, out RtcpSourceDescription sdes));
        Assert.True(sdes.TryGetCname(out uint cnameSsrc, out _));
        Assert.Equal(0x5E12_0001u, cnameSsrc);

        byte[] rtp = new byte[60];
        RtpHeaderWriter.Write(rtp, new RtpHeaderFields(111, false, 1, 48_000, 0xABCD_0002));
        fixture.Peer.SendRtp(rtp);
        fixture.SendCheck();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        reader = new RtcpCompoundReader(fixture.LastRtcp);
        Assert.True(reader.MoveNext());
        Assert.True(RtcpSenderReport.TryParse(reader.Current, out RtcpSenderReport senderReport));
        Assert.Equal(0xABCD_0002u, senderReport.SenderSsrc);
        Assert.Equal(1u, senderReport.SenderPacketCount);
        Assert.Equal(48_000u + 48_000u, senderReport.RtpTimestamp);
    }

    [Fact]
    public void ASilentPeerIsClosedWhenIceConsentLapsesAfterThirtySeconds()
    {
        using var fixture = new InMemoryWebRtcFixture();
        string? reason = null;
        fixture.Peer.Closed += (_, e) => reason = e.Reason;

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        fixture.SendCheck();
        fixture.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(reason);
        Assert.False(fixture.Peer.IsClosed);

        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(reason);
        Assert.Contains("consent", reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(fixture.Peer.IsClosed);
        Assert.Equal(IceSessionState.Expired, fixture.Peer.IceSession.State);
        Assert.Equal(0, fixture.Endpoint.PeerCount);
    }

    [Fact]
    public void TheSrtpReceivePathAllocatesNothing()
    {
        using var fixture = new InMemoryWebRtcFixture();
        var sink = new CountingRtpSink();
        fixture.Peer.Sink = sink;

        AllocationBudget.AssertZero(fixture.SendBrowserRtp);
        Assert.True(sink.Count > 10_000);
    }

    [Fact]
    public void TheRelayForwardPathAllocatesNothing()
    {
        using var fixture = new InMemoryWebRtcFixture();
        fixture.UnprotectAtBrowser = false;
        var room = new RelayRoom("alloc");
        var publisher = new RoomParticipant(new RoomJoinRequest("p", RoomKind.Relay, "alloc", RoomRole.Publisher, null), fixture.Peer.IceSession, 1, "c") { Peer = fixture.Peer };
        var listener = new RoomParticipant(new RoomJoinRequest("l", RoomKind.Relay, "alloc", RoomRole.Listener, null), fixture.Peer.IceSession, 0x1157_0001, "c") { Peer = fixture.Peer };
        publisher.ApplyNegotiation(fixture.Negotiated);
        listener.ApplyNegotiation(fixture.Negotiated);
        fixture.Peer.Tag = publisher;
        room.Add(publisher);
        room.Add(listener);

        AllocationBudget.AssertZero(fixture.SendBrowserRtp);
        Assert.True(room.Listeners[0].PacketsForwarded > 10_000);
        Assert.Equal(room.Listeners[0].PacketsForwarded, fixture.RtpReceived);
    }
}
