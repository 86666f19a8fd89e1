using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Tests.Net;
using VanYen.Media.Engine.Tests.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Rooms;

public sealed class RoomServiceConsentTests
{
    [Fact]
    public async Task ASilentBrowserIsReportedClosedAfterThirtySecondsWithoutConsent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var agent = new IceLiteAgent(time);
        using var endpoint = new WebRtcEndpoint(agent, time);
        var browserHandler = new RecordingDatagramHandler();
        var (serverEnd, browserEnd) = InMemoryPacketTransport.CreatePair(endpoint, browserHandler);
        endpoint.Attach(serverEnd);
        using var clock = new MediaClock();
        using var rooms = new RoomService(endpoint, RoomTestServer.Certificate, clock);
        var closed = new List<RoomSessionClosedEventArgs>();
        rooms.SessionClosed += (_, e) => closed.Add(e);
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await rooms.JoinAsync(new RoomJoinRequest("quiet", RoomKind.Echo, "r", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        browserEnd.TrySend(IceCheckBuilder.Build(browser.Negotiated.RemoteIceUfrag + ":" + browser.Ufrag, browser.Negotiated.RemoteIcePassword), serverEnd.LocalAddress);
        Assert.Equal(IceSessionState.Connected, rooms.FindPeer("quiet")!.IceSession.State);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(closed);
        time.Advance(TimeSpan.FromSeconds(2));

        var session = Assert.Single(closed);
        Assert.Equal("quiet", session.SessionId);
        Assert.Contains("consent", session.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Null(rooms.FindPeer("quiet"));
        Assert.Equal(0, agent.SessionCount);
    }

    [Fact]
    public async Task AServerOfferNobodyAnswersIsReportedClosedWhenIceNeverConnects()
    {
        var time = new FakeTimeProvider();
        var agent = new IceLiteAgent(time);
        using var endpoint = new WebRtcEndpoint(agent, time);
        var (serverEnd, _) = InMemoryPacketTransport.CreatePair(endpoint, new RecordingDatagramHandler());
        endpoint.Attach(serverEnd);
        using var clock = new MediaClock();
        using var rooms = new RoomService(endpoint, RoomTestServer.Certificate, clock);
        var closed = new List<RoomSessionClosedEventArgs>();
        rooms.SessionClosed += (_, e) => closed.Add(e);
        await rooms.JoinAsync(new RoomJoinRequest("ghost", RoomKind.Relay, "r", RoomRole.Listener, null), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal("ghost", Assert.Single(closed).SessionId);
        Assert.Equal(0, agent.SessionCount);
        await Assert.ThrowsAsync<RoomException>(() => rooms.AcceptAnswerAsync("ghost", "v=0", CancellationToken.None));
    }
}
