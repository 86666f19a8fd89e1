using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Tests.Audio.Codec;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Rooms;

[Collection(RealTimeAudioCollection.Name)]
public sealed class EchoRoomTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SpeechSentAsSrtpComesBackDecodedAndReEncoded()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("echo-1", RoomKind.Echo, "mic-check", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        Assert.False(joined.IsOffer);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);

        short[] sent = RoomTestAudio.Speech(150);
        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(sent));
        await WaitUntilAsync(() => browser.Received.Count >= 140);

        var received = browser.Received.ToList();
        Assert.All(received, packet => Assert.Equal(111, packet.PayloadType));
        Assert.Single(received.Select(p => p.Ssrc).Distinct());
        Assert.NotEqual(browser.Ssrc, received[0].Ssrc);
        short[] echoed = RoomTestAudio.Decode(received);
        var (whole, lag) = AudioSimilarity.BestNormalizedCrossCorrelation(sent, echoed, 24_000);
        double echoCorrelation = RoomTestAudio.MedianWindowCorrelation(sent, echoed);
        output.WriteLine($"echo: {received.Count} packets back, {server.Clock.LateTicks} late and {server.Clock.SkippedTicks} skipped clock ticks; correlation median of 0.5 s windows {echoCorrelation:F3}, whole signal {whole:F3} at lag {lag / 48.0:F1} ms");

        Assert.True(server.Rooms.TryGetReceivedAudio("echo-1", out short[] heard));
        double heardCorrelation = RoomTestAudio.MedianWindowCorrelation(sent, heard);
        output.WriteLine($"server heard {heard.Length} samples; correlation median of 0.5 s windows {heardCorrelation:F3}");
        // Unrelated audio scores about 0.1; an idle machine gives about 0.85 (echo) and 0.95 (heard). The bounds leave
        // room for a loaded 2-core CI box, where the 20 ms clock runs late and the jitter buffer stretches.
        Assert.True(echoCorrelation > 0.5, $"echo correlation {echoCorrelation:F3}");
        Assert.True(heardCorrelation > 0.6, $"received-audio correlation {heardCorrelation:F3}");
        Assert.False(server.Rooms.TryGetReceivedAudio("unknown", out _));
    }

    [Theory]
    [InlineData("AeadAes128Gcm,AesCm128HmacSha1_80", SrtpProtectionProfile.AeadAes128Gcm)]
    [InlineData("AesCm128HmacSha1_80,AeadAes128Gcm", SrtpProtectionProfile.AesCm128HmacSha1_80)]
    [InlineData("AesCm128HmacSha1_80", SrtpProtectionProfile.AesCm128HmacSha1_80)]
    public async Task TheServersSrtpProfilePreferenceDecides(string preference, SrtpProtectionProfile expected)
    {
        await using var server = RoomTestServer.Start(new RoomServiceOptions { SrtpProfiles = RoomServiceOptions.ParseSrtpProfiles(preference) });
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("echo-p", RoomKind.Echo, "profiles", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);

        Assert.Equal((ushort)expected, browser.HandshakeResult!.SrtpProtectionProfile);
        await server.Rooms.FindPeer("echo-p")!.Connected.WaitAsync(Timeout);
        Assert.Equal(expected, server.Rooms.FindPeer("echo-p")!.SrtpProfile);
        await RoomTestAudio.SendPacedAsync(browser, RoomTestAudio.Encode(RoomTestAudio.Speech(25)));
        await WaitUntilAsync(() => browser.Received.Count >= 10 && server.Rooms.FindPeer("echo-p")!.PacketsReceived == 25);
        Assert.Equal(25, server.Rooms.FindPeer("echo-p")!.PacketsReceived);
    }

    [Fact]
    public async Task AWrongFingerprintClosesTheSessionWithThatReasonAndNoMediaFlows()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer { SdpFingerprint = DtlsCertificateForOthers.SdpFingerprint };
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("liar", RoomKind.Echo, "fp", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        Task handshake = browser.StartConnecting(server.EndPoint);

        string? closed = server.WaitForClosedSession(Timeout);
        Assert.NotNull(closed);
        Assert.StartsWith("liar: ", closed, StringComparison.Ordinal);
        Assert.Contains("fingerprint", closed, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAnyAsync<Exception>(() => handshake.WaitAsync(Timeout));
        Assert.Null(server.Rooms.FindPeer("liar"));
        Assert.Empty(browser.Received);
        Assert.Equal(0, server.Agent.SessionCount);
    }

    [Fact]
    public async Task LeavingEndsTheSessionWithoutRaisingSessionClosed()
    {
        await using var server = RoomTestServer.Start();
        await using var browser = new BrowserLikePeer();
        RoomJoinResult joined = await server.Rooms.JoinAsync(new RoomJoinRequest("leaver", RoomKind.Echo, "leave", RoomRole.Publisher, browser.CreateOffer()), CancellationToken.None);
        browser.AcceptAnswer(joined.Sdp);
        await browser.ConnectAsync(server.EndPoint, Timeout);

        await server.Rooms.LeaveAsync("leaver");
        await server.Rooms.LeaveAsync("leaver");

        Assert.Null(server.Rooms.FindPeer("leaver"));
        Assert.Equal(0, server.Agent.SessionCount);
        Assert.Equal(0, server.Endpoint.PeerCount);
        Assert.Empty(server.ClosedSessions);
        Assert.False(server.Rooms.TryGetReceivedAudio("leaver", out _));
    }

    [Fact]
    public async Task ABadOfferIsARoomExceptionNamingTheProblem()
    {
        await using var server = RoomTestServer.Start();
        var exception = await Assert.ThrowsAsync<RoomException>(() =>
            server.Rooms.JoinAsync(new RoomJoinRequest("bad", RoomKind.Echo, "r", RoomRole.Publisher, "v=0\r\nthis is not sdp\r\n"), CancellationToken.None));
        Assert.Contains("offer", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, server.Agent.SessionCount);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && elapsed.Elapsed < Timeout)
        {
            await Task.Delay(20);
        }
    }

    private static class DtlsCertificateForOthers
    {
        public static string SdpFingerprint { get; } = VanYen.Media.Engine.WebRtc.Dtls.DtlsCertificate.Create().SdpFingerprint;
    }
}
