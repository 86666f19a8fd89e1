using System.Net;
using System.Text;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// A server <see cref="WebRtcPeer"/> and a "browser" end joined by <see cref="InMemoryPacketTransport"/>, past ICE
/// (one authenticated check) and with AES-GCM SRTP keys installed directly, so a benchmark measures the media path
/// and not the handshakes. The browser side protects what it sends with <see cref="BrowserOutbound"/>.
/// </summary>
public sealed class InMemoryPeerRig : IDisposable
{
    private InMemoryPeerRig(WebRtcEndpoint endpoint, InMemoryPacketTransport serverEnd, InMemoryPacketTransport browserEnd, IceSession session, NegotiatedSession negotiated, WebRtcPeer peer, SrtpContext browserOutbound)
    {
        Endpoint = endpoint;
        ServerEnd = serverEnd;
        BrowserEnd = browserEnd;
        Session = session;
        Negotiated = negotiated;
        Peer = peer;
        BrowserOutbound = browserOutbound;
    }

    /// <summary>The server's endpoint (demux, ICE, peers by address).</summary>
    public WebRtcEndpoint Endpoint { get; }

    /// <summary>The server's end of the in-memory pair.</summary>
    public InMemoryPacketTransport ServerEnd { get; }

    /// <summary>The browser's end: <c>BrowserEnd.TrySend(packet, ServerEnd.LocalAddress)</c> delivers to the server.</summary>
    public InMemoryPacketTransport BrowserEnd { get; }

    /// <summary>The peer's ICE session.</summary>
    public IceSession Session { get; }

    /// <summary>What the answer negotiated.</summary>
    public NegotiatedSession Negotiated { get; }

    /// <summary>The server's peer, connected and keyed.</summary>
    public WebRtcPeer Peer { get; }

    /// <summary>The browser's outbound SRTP context (keyed to match the peer's inbound one).</summary>
    public SrtpContext BrowserOutbound { get; }

    /// <summary>
    /// Answers <paramref name="offerSdp"/> (ICE credentials, fingerprint and a loopback candidate set here, the rest
    /// by <paramref name="customizeAnswer"/>), makes the peer, sends it one ICE check and keys SRTP.
    /// </summary>
    public static InMemoryPeerRig Create(string offerSdp, Func<SdpAnswerOptions, SdpAnswerOptions> customizeAnswer)
    {
        var agent = new IceLiteAgent();
        var endpoint = new WebRtcEndpoint(agent);
        (InMemoryPacketTransport serverEnd, InMemoryPacketTransport browserEnd) = InMemoryPacketTransport.CreatePair(endpoint, new DiscardingHandler(), packetBufferCount: 64);
        endpoint.Attach(serverEnd);
        IceSession session = agent.CreateSession();
        var certificate = DtlsCertificate.Create();
        NegotiatedSession negotiated = SdpAnswerer.CreateAnswer(offerSdp, customizeAnswer(new SdpAnswerOptions
        {
            IceUfrag = session.LocalUfrag,
            IcePassword = session.LocalPassword,
            Fingerprint = SdpFingerprint.Sha256OfCertificate(certificate.RawData),
            HostCandidates = [new IPEndPoint(IPAddress.Loopback, 10001)],
        }));
        var peer = new WebRtcPeer("bench", endpoint, session, negotiated, certificate, new WebRtcPeerOptions { LocalSsrc = 7 }, startDtls: false);
        SendCheck(session, serverEnd, browserEnd);

        var keyingMaterial = new byte[SrtpProtectionProfile.AeadAes128Gcm.GetKeyingMaterialLength()];
        new Random(7).NextBytes(keyingMaterial);
        using SrtpKeyingMaterial serverKeys = SrtpKeyingMaterial.Split(SrtpProtectionProfile.AeadAes128Gcm, keyingMaterial, isDtlsClient: false);
        using SrtpKeyingMaterial browserKeys = SrtpKeyingMaterial.Split(SrtpProtectionProfile.AeadAes128Gcm, keyingMaterial, isDtlsClient: true);
        peer.InstallSrtp(serverKeys.CreateInboundContext(), serverKeys.CreateOutboundContext());
        return new InMemoryPeerRig(endpoint, serverEnd, browserEnd, session, negotiated, peer, browserKeys.CreateOutboundContext());
    }

    /// <summary>Delivers one (already protected) packet from the browser to the server.</summary>
    public bool SendFromBrowser(ReadOnlySpan<byte> packet) => BrowserEnd.TrySend(packet, ServerEnd.LocalAddress);

    /// <inheritdoc />
    public void Dispose()
    {
        Peer.Close("done", closedLocally: true);
        Endpoint.Dispose();
        BrowserOutbound.Dispose();
    }

    private static void SendCheck(IceSession session, InMemoryPacketTransport serverEnd, InMemoryPacketTransport browserEnd)
    {
        // The browser's first check (RFC 8445 §7.2.2, USE-CANDIDATE nominates) makes its address the peer's.
        byte[] buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername(Encoding.ASCII.GetBytes(session.LocalUfrag + ":abcd"));
        writer.AddPriority(1853824767);
        writer.AddIceControlling(1);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity(Encoding.ASCII.GetBytes(session.LocalPassword));
        int length = writer.AddFingerprint();
        browserEnd.TrySend(buffer.AsSpan(0, length), serverEnd.LocalAddress);
    }

    private sealed class DiscardingHandler : IDatagramHandler
    {
        public void OnDatagram(ReceivedDatagram datagram)
        {
        }
    }
}
