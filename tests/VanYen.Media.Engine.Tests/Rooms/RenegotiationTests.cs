using VanYen.Media.Engine.Rooms;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Rooms;

public sealed class RenegotiationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ANewOfferKeepsIceAndDtlsAndTheEchoSwitchesToTheNewPayloadType()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("echo-r", RoomKind.Echo, "renegotiate", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);
        var firstNegotiation = browser.Negotiated;
        var firstKeys = browser.HandshakeResult;
        var peer = server.Rooms.FindPeer("echo-r");
        Assert.NotNull(peer);

        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(RoomTestAudio.Speech(25)));
        await EchoRoomTests.WaitUntilAsync(() => browser.Received.Count >= 10);
        int beforeRenegotiation = browser.Received.Count;
        Assert.All(browser.Received, packet => Assert.Equal(111, packet.PayloadType));

        // Firefox-style numbering: the same session re-offers Opus as payload type 109.
        browser.OpusPayloadType = 109;
        string answer = await server.Rooms.RenegotiateAsync("echo-r", browser.CreateOffer(), CancellationToken.None);
        browser.AcceptAnswer(answer);

        var second = browser.Negotiated;
        Assert.True(second.RemoteDescription.IceLite);
        Assert.Equal(peer.IceSession.LocalUfrag, second.RemoteIceUfrag);
        Assert.Equal(peer.IceSession.LocalPassword, second.RemoteIcePassword);
        Assert.Equal(firstNegotiation.RemoteIceUfrag, second.RemoteIceUfrag);
        Assert.Equal(firstNegotiation.RemoteIcePassword, second.RemoteIcePassword);
        Assert.Equal(firstNegotiation.RemoteFingerprint, second.RemoteFingerprint);
        Assert.Equal(109, second.Media[0].FindCodec("opus")!.PayloadType);
        Assert.Same(peer, server.Rooms.FindPeer("echo-r"));
        Assert.Same(firstKeys, browser.HandshakeResult);

        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(RoomTestAudio.Speech(25)));
        await EchoRoomTests.WaitUntilAsync(() => browser.Received.Skip(beforeRenegotiation).Any(packet => packet.PayloadType == 109));
        Assert.Contains(browser.Received.Skip(beforeRenegotiation), packet => packet.PayloadType == 109);
        Assert.True(peer.IsConnected, "the DTLS association and SRTP keys survive the renegotiation");
    }

    [Fact]
    public async Task RenegotiatingAnUnknownSessionOrWithAnotherFingerprintIsRefusedWithAReason()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        var unknown = await Assert.ThrowsAsync<RoomException>(() => server.Rooms.RenegotiateAsync("nobody", browser.CreateOffer(), CancellationToken.None));
        Assert.Contains("'nobody' is not in a room", unknown.Message, StringComparison.Ordinal);

        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("echo-f", RoomKind.Echo, "renegotiate-fp", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);

        // The browser's side of the handshake can finish a moment before the server's.
        await server.Rooms.FindPeer("echo-f")!.Connected.WaitAsync(Timeout);
        browser.SdpFingerprint = VanYen.Media.Engine.WebRtc.Dtls.DtlsCertificate.Create().SdpFingerprint;
        var refused = await Assert.ThrowsAsync<RoomException>(() => server.Rooms.RenegotiateAsync("echo-f", browser.CreateOffer(), CancellationToken.None));
        Assert.Contains("fingerprint", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(server.Rooms.FindPeer("echo-f")!.IsConnected);
    }

    [Fact]
    public async Task AnIceRestartIsRefusedWithAReasonAndTheSessionKeepsEchoing()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("echo-i", RoomKind.Echo, "renegotiate-ice", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);
        var peer = server.Rooms.FindPeer("echo-i");
        Assert.NotNull(peer);
        string firstUfrag = browser.Ufrag;
        string firstPassword = browser.Password;

        // RFC 8839 §4.4.1.1.1: an ICE restart changes the offerer's ice-ufrag and ice-pwd.
        browser.Ufrag = VanYen.Media.Engine.WebRtc.Ice.IceCredentials.GenerateUfrag();
        browser.Password = VanYen.Media.Engine.WebRtc.Ice.IceCredentials.GeneratePassword();
        var refused = await Assert.ThrowsAsync<RoomException>(() => server.Rooms.RenegotiateAsync("echo-i", browser.CreateOffer(), CancellationToken.None));
        Assert.Contains("ICE restart", refused.Message, StringComparison.Ordinal);

        // A changed password alone is a restart too.
        browser.Ufrag = firstUfrag;
        await Assert.ThrowsAsync<RoomException>(() => server.Rooms.RenegotiateAsync("echo-i", browser.CreateOffer(), CancellationToken.None));

        browser.Password = firstPassword;
        Assert.Same(peer, server.Rooms.FindPeer("echo-i"));
        Assert.Equal(firstUfrag, peer.Negotiated.RemoteIceUfrag);
        Assert.Equal(firstPassword, peer.Negotiated.RemoteIcePassword);
        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(RoomTestAudio.Speech(25)));
        await EchoRoomTests.WaitUntilAsync(() => browser.Received.Count >= 10);
        Assert.True(browser.Received.Count >= 10, "the refused restart left the session echoing");
        Assert.True(peer.IsConnected);
    }
}
