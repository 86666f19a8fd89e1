using VanYen.Media.Engine.Rooms;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Rooms;

public sealed class RelayRoomTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PublisherPacketsReachEveryListenerBitExactWithTheirOwnSsrcSequenceAndExtensions()
    {
        await using var server = RoomTestServer.Start();
        await using var offered = new BrowserLikePeer();
        await using var answering = new BrowserLikePeer();
        await using var publisher = new BrowserLikePeer();
        await using var nextPublisher = new BrowserLikePeer();

        // A listener joins before anyone publishes, by a server offer it answers.
        RoomJoinResult offer = await server.Rooms.JoinAsync(new RoomJoinRequest("listener-offered", RoomKind.Relay, "commune", RoomRole.Listener, null), CancellationToken.None);
        Assert.True(offer.IsOffer);
        await server.Rooms.AcceptAnswerAsync("listener-offered", offered.AnswerServerOffer(offer.Sdp), CancellationToken.None);
        await offered.ConnectAsync(server.EndPoint, Timeout);

        // Another joins with a recvonly offer of its own (its audio level id is 5, the server offer's is 1).
        await JoinWithOfferAsync(server, answering, "listener-answered", RoomRole.Listener, "recvonly");
        await JoinWithOfferAsync(server, publisher, "publisher", RoomRole.Publisher, "sendonly");
        await server.Rooms.FindPeer("listener-offered")!.Connected.WaitAsync(Timeout);
        await server.Rooms.FindPeer("listener-answered")!.Connected.WaitAsync(Timeout);
        await server.Rooms.FindPeer("publisher")!.Connected.WaitAsync(Timeout);

        var packets = RoomTestAudio.Encode(RoomTestAudio.Speech(50));
        await RoomTestAudio.SendPacedAsync(publisher, packets);
        await EchoRoomTests.WaitUntilAsync(() => offered.Received.Count >= 50 && answering.Received.Count >= 50);

        uint offeredSsrc = offered.Negotiated.Media[0].RemoteSsrcs[0];
        uint answeringSsrc = answering.Negotiated.Media[0].RemoteSsrcs[0];
        AssertForwarded(offered, packets, offeredSsrc, audioLevelId: 1);
        AssertForwarded(answering, packets, answeringSsrc, audioLevelId: BrowserLikePeer.AudioLevelId);
        Assert.NotEqual(offeredSsrc, answeringSsrc);
        output.WriteLine($"forwarded {offered.Received.Count} + {answering.Received.Count} packets bit-exact, SSRC {publisher.Ssrc:X8} -> {offeredSsrc:X8} / {answeringSsrc:X8}");

        // The publisher leaves, another arrives: each listener's sequence and timestamp continue.
        var last = answering.Received.Last();
        await server.Rooms.LeaveAsync("publisher");
        await JoinWithOfferAsync(server, nextPublisher, "publisher-2", RoomRole.Publisher, "sendonly");
        await server.Rooms.FindPeer("publisher-2")!.Connected.WaitAsync(Timeout);
        var nextPackets = RoomTestAudio.Encode(RoomTestAudio.Speech(10));
        await RoomTestAudio.SendPacedAsync(nextPublisher, nextPackets);
        await EchoRoomTests.WaitUntilAsync(() => answering.Received.Count >= 60 && offered.Received.Count >= 60);

        var afterSwitch = answering.Received.Skip(50).ToList();
        Assert.Equal(10, afterSwitch.Count);
        Assert.Equal((ushort)(last.SequenceNumber + 1), afterSwitch[0].SequenceNumber);
        Assert.Equal(last.Timestamp + 960, afterSwitch[0].Timestamp);
        Assert.True(afterSwitch[0].Marker);
        Assert.All(afterSwitch, p => Assert.Equal(answeringSsrc, p.Ssrc));
        Assert.Equal(nextPackets.Select(Convert.ToHexString), afterSwitch.Select(p => Convert.ToHexString(p.Payload)));
        Assert.Empty(server.ClosedSessions);
    }

    private static async Task JoinWithOfferAsync(RoomTestServer server, BrowserLikePeer browser, string sessionId, RoomRole role, string direction)
    {
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest(sessionId, RoomKind.Relay, "commune", role, browser.CreateOffer(direction)), CancellationToken.None);
        Assert.False(joined.IsOffer);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);
    }

    private static void AssertForwarded(BrowserLikePeer listener, List<byte[]> sent, uint expectedSsrc, int audioLevelId)
    {
        var received = listener.Received.Take(sent.Count).ToList();
        Assert.Equal(sent.Select(Convert.ToHexString), received.Select(p => Convert.ToHexString(p.Payload)));
        for (int i = 0; i < received.Count; i++)
        {
            Assert.Equal(expectedSsrc, received[i].Ssrc);
            Assert.Equal(111, received[i].PayloadType);
            Assert.Equal((ushort)(received[0].SequenceNumber + i), received[i].SequenceNumber);
            Assert.Equal(received[0].Timestamp + (uint)(960 * i), received[i].Timestamp);
            Assert.True(received[i].Extensions.ContainsKey(audioLevelId), "the audio level is kept under the listener's id");
            Assert.Equal(30, received[i].Extensions[audioLevelId][0]);
            Assert.False(received[i].Extensions.ContainsKey(BrowserLikePeer.TransportCcId) && audioLevelId != BrowserLikePeer.TransportCcId, "transport-cc is stripped");
            Assert.Single(received[i].Extensions);
        }
    }
}
