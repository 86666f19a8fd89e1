using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// The SFU path of one audio packet over <see cref="InMemoryPeerRig"/>: receive → RFC 7983 demux → peer by
/// ICE address → SRTP unprotect in place → RTP parse → relay room → per listener: copy, header rewrite, extension
/// remap, SRTP protect, send. The browser's own SRTP protect of each packet is measured alone as the baseline.
/// </summary>
/// <remarks>
/// One in-memory pair gives one remote address, so the listeners are distinct relay listeners (own SSRC, sequence,
/// timestamp, SRTP stream) that all send through the same peer: the per-destination work is the same as with
/// separate peers.
/// </remarks>
[MemoryDiagnoser]
public class ForwardPathBenchmarks
{
    private const uint PublisherSsrc = 0xB0B0_0001;

    private readonly byte[] _rtp = new byte[200];
    private readonly byte[] _protected = new byte[256];
    private InMemoryPeerRig _rig = null!;
    private ushort _sequenceNumber;

    [Params(1, 10)]
    public int Listeners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rig = InMemoryPeerRig.Create(Offer, options => options with { VideoCodecs = [] });
        IceSession session = _rig.Session;
        NegotiatedSession negotiated = _rig.Negotiated;
        WebRtcPeer peer = _rig.Peer;

        var room = new RelayRoom("bench");
        var publisher = new RoomParticipant(new RoomJoinRequest("p", RoomKind.Relay, "bench", RoomRole.Publisher, null), session, 1, "c") { Peer = peer };
        publisher.ApplyNegotiation(negotiated);
        peer.Tag = publisher;
        room.Add(publisher);
        for (int i = 0; i < Listeners; i++)
        {
            var listener = new RoomParticipant(new RoomJoinRequest("l" + i, RoomKind.Relay, "bench", RoomRole.Listener, null), session, (uint)(0x1157_0000 + i), "c") { Peer = peer };
            listener.ApplyNegotiation(negotiated);
            room.Add(listener);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();

    [Benchmark(Baseline = true, Description = "browser SRTP protect only")]
    public int ProtectOnly() => Protect();

    [Benchmark(Description = "receive → unprotect → parse → forward to listeners")]
    public bool ReceiveAndForward() => _rig.SendFromBrowser(_protected.AsSpan(0, Protect()));

    private int Protect()
    {
        // An Opus packet with an audio level extension (id 1), as Chrome sends it; 80 bytes of payload.
        var writer = new RtpHeaderWriter(_rtp, new RtpHeaderFields(111, false, _sequenceNumber, (uint)_sequenceNumber * 960, PublisherSsrc), default, RtpHeaderExtensionForm.OneByte);
        writer.TryAddExtension(1, [0x9E]);
        int header = writer.Finish();
        _rtp.AsSpan(header, 80).Fill(0x42);
        _sequenceNumber++;
        _rig.BrowserOutbound.TryProtectRtp(_rtp.AsSpan(0, header + 80), _protected, out int length);
        return length;
    }

    private const string Offer =
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n" +
        "a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C\r\n" +
        "a=setup:actpass\r\na=mid:0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=sendrecv\r\na=rtcp-mux\r\n" +
        "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n";
}
