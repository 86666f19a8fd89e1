using System.Net.Sockets;
using System.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Tests.WebRtc.Ice;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Rooms;

public sealed class HostileInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnUnauthenticatedCheckFromAnUnknownAddressGetsNoReplyAndIsCounted()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("s", RoomKind.Echo, "r", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        stranger.ReceiveTimeout = 300;

        string username = browser.Negotiated.RemoteIceUfrag + ":" + browser.Ufrag;
        stranger.SendTo(IceCheckBuilder.Build(username, "a-wrong-password-of-24ch"), server.EndPoint);
        stranger.SendTo(IceCheckBuilder.Build("nobody:" + browser.Ufrag, "a-wrong-password-of-24ch"), server.EndPoint);
        stranger.SendTo(IceCheckBuilder.Build(username, password: null), server.EndPoint);

        var reply = new byte[1500];
        var error = Assert.Throws<SocketException>(() => stranger.Receive(reply));
        Assert.Equal(SocketError.TimedOut, error.SocketErrorCode);
        Assert.Equal(3, server.Socket.Counters.DroppedUnknownPeer);
        Assert.Equal(VanYen.Media.Engine.WebRtc.Ice.IceSessionState.New, IceSessionStateOf(server));
    }

    [Fact]
    public async Task RandomJunkFromStrangersAndFromAConnectedPeerNeverBreaksTheSession()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("s", RoomKind.Echo, "junk", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var random = new Random(20260501);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = new byte[random.Next(0, 300)];
            random.NextBytes(junk);
            if (junk.Length > 0)
            {
                // Aim at every demultiplexed protocol: STUN, DTLS, RTP and RTCP first bytes.
                junk[0] = (i % 4) switch { 0 => 0x00, 1 => 0x16, 2 => 0x80, _ => 0x81 };
                if (i % 4 == 3 && junk.Length > 1)
                {
                    junk[1] = 200;
                }
            }

            stranger.SendTo(junk, server.EndPoint);
            browser.SendRaw(junk);
        }

        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(RoomTestAudio.Speech(25)));
        await EchoRoomTests.WaitUntilAsync(() => browser.Received.Count >= 10);

        Assert.NotEmpty(browser.Received);
        Assert.Equal(0, server.Socket.Counters.HandlerErrors);
        Assert.False(server.Rooms.FindPeer("s")!.IsClosed);
        Assert.Empty(server.ClosedSessions);
        Assert.True(server.Socket.Counters.DroppedUnknownPeer > 0);
    }

    private static VanYen.Media.Engine.WebRtc.Ice.IceSessionState IceSessionStateOf(RoomTestServer server) => server.Rooms.FindPeer("s")!.IceSession.State;
}
