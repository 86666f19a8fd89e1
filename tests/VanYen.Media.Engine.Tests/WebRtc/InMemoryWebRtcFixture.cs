using System.Net;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.WebRtc;

/// <summary>
/// A server endpoint and one browser end joined in memory, with a server peer whose ICE address is validated and
/// whose SRTP keys are installed directly (no DTLS), so the per-packet paths can be measured and driven by a fake clock.
/// </summary>
internal sealed class InMemoryWebRtcFixture : IDisposable, IDatagramHandler
{
    private readonly byte[] _rtp = new byte[200];
    private readonly byte[] _protected = new byte[256];
    private ushort _sequenceNumber;

    public InMemoryWebRtcFixture(SrtpProtectionProfile profile = SrtpProtectionProfile.AeadAes128Gcm)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        Agent = new IceLiteAgent(Time);
        Endpoint = new WebRtcEndpoint(Agent, Time);
        (ServerEnd, BrowserEnd) = InMemoryPacketTransport.CreatePair(Endpoint, this);
        Endpoint.Attach(ServerEnd);

        IceSession session = Agent.CreateSession();
        string offer;
        var browser = new BrowserLikePeer(BrowserSsrc);
        offer = browser.CreateOffer();
        BrowserUfrag = browser.Ufrag;
        browser.DisposeAsync().AsTask().GetAwaiter().GetResult();

        Negotiated = SdpAnswerer.CreateAnswer(offer, new SdpAnswerOptions
        {
            IceUfrag = session.LocalUfrag,
            IcePassword = session.LocalPassword,
            Fingerprint = SdpFingerprint.Sha256OfCertificate(Certificate.RawData),
            HostCandidates = [new IPEndPoint(IPAddress.Loopback, 10001)],
            VideoCodecs = [],
        });
        Peer = new WebRtcPeer("memory", Endpoint, session, Negotiated, Certificate, new WebRtcPeerOptions { LocalSsrc = 0x5E12_0001, TimeProvider = Time }, startDtls: false);
        SendCheck();

        byte[] keyingMaterial = new byte[profile.GetKeyingMaterialLength()];
        new Random(7).NextBytes(keyingMaterial);
        using SrtpKeyingMaterial serverKeys = SrtpKeyingMaterial.Split(profile, keyingMaterial, isDtlsClient: false);
        using SrtpKeyingMaterial browserKeys = SrtpKeyingMaterial.Split(profile, keyingMaterial, isDtlsClient: true);
        Peer.InstallSrtp(serverKeys.CreateInboundContext(), serverKeys.CreateOutboundContext());
        BrowserOutbound = browserKeys.CreateOutboundContext();
        BrowserInbound = browserKeys.CreateInboundContext();
    }

    public const uint BrowserSsrc = 0xB0B0_0001;

    public static DtlsCertificate Certificate { get; } = DtlsCertificate.Create();

    public FakeTimeProvider Time { get; }

    public IceLiteAgent Agent { get; }

    public WebRtcEndpoint Endpoint { get; }

    public InMemoryPacketTransport ServerEnd { get; }

    public InMemoryPacketTransport BrowserEnd { get; }

    public NegotiatedSession Negotiated { get; }

    public WebRtcPeer Peer { get; }

    public string BrowserUfrag { get; }

    public SrtpContext BrowserOutbound { get; }

    public SrtpContext BrowserInbound { get; }

    /// <summary>Datagrams the browser end received, by kind.</summary>
    public int StunReceived { get; private set; }

    public int RtpReceived { get; private set; }

    public int RtcpReceived { get; private set; }

    /// <summary>Whether to unprotect what the browser end receives (off for allocation measurements of the server alone).</summary>
    public bool UnprotectAtBrowser { get; set; } = true;

    /// <summary>The last RTP packet the browser end received and unprotected.</summary>
    public byte[] LastRtp { get; private set; } = [];

    public void SendCheck() =>
        BrowserEnd.TrySend(IceCheckBuilder.Build(Peer.IceSession.LocalUfrag + ":" + BrowserUfrag, Peer.IceSession.LocalPassword), ServerEnd.LocalAddress);

    /// <summary>Protects and sends the next browser RTP packet (Opus PT 111, a 100-byte payload); no allocation.</summary>
    public void SendBrowserRtp()
    {
        int header = RtpHeaderWriter.Write(_rtp, new RtpHeaderFields(111, false, _sequenceNumber, (uint)_sequenceNumber * 960, BrowserSsrc));
        _rtp.AsSpan(header, 100).Fill(0x42);
        _sequenceNumber++;
        BrowserOutbound.TryProtectRtp(_rtp.AsSpan(0, header + 100), _protected, out int length);
        BrowserEnd.TrySend(_protected.AsSpan(0, length), ServerEnd.LocalAddress);
    }

    public void OnDatagram(ReceivedDatagram datagram)
    {
        switch (datagram.Kind)
        {
            case PacketKind.Stun:
                StunReceived++;
                break;
            case PacketKind.Rtp:
                RtpReceived++;
                if (UnprotectAtBrowser && BrowserInbound.UnprotectRtp(datagram.Data, out int length) == SrtpUnprotectResult.Ok)
                {
                    LastRtp = datagram.Data.Slice(0, length).ToArray();
                }

                break;
            case PacketKind.Rtcp:
                RtcpReceived++;
                if (UnprotectAtBrowser && BrowserInbound.UnprotectRtcp(datagram.Data, out int rtcpLength) == SrtpUnprotectResult.Ok)
                {
                    LastRtcp = datagram.Data.Slice(0, rtcpLength).ToArray();
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The last RTCP compound the browser end received and unprotected.</summary>
    public byte[] LastRtcp { get; private set; } = [];

    public void Dispose()
    {
        Peer.Close("test over", closedLocally: true);
        Endpoint.Dispose();
        BrowserOutbound.Dispose();
        BrowserInbound.Dispose();
        ServerEnd.Dispose();
        BrowserEnd.Dispose();
    }
}
