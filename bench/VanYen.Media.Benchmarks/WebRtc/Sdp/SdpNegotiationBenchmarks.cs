using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Benchmarks.WebRtc.Sdp;

/// <summary>
/// Cost of the signaling step per joining browser: parse its offer, answer it, write the answer.
/// Not a hot path (once per call); this keeps an eye on it for join storms.
/// </summary>
[MemoryDiagnoser]
public class SdpNegotiationBenchmarks
{
    private const string Offer = """
        v=0
        o=- 4611731400430051336 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1
        a=extmap-allow-mixed
        a=msid-semantic: WMS s1
        m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=candidate:2999745851 1 udp 2122260223 43435cc5-2eae-45cf-96d0-cc5fd4c28c2e.local 58231 typ host generation 0 network-id 1
        a=ice-ufrag:Xy7q
        a=ice-pwd:H1mVfQx9kR2pL5tN8wZc3Jd0
        a=ice-options:trickle
        a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
        a=setup:actpass
        a=mid:0
        a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
        a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
        a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=sendrecv
        a=msid:s1 a1
        a=rtcp-mux
        a=rtcp-rsize
        a=rtpmap:111 opus/48000/2
        a=rtcp-fb:111 transport-cc
        a=fmtp:111 minptime=10;useinbandfec=1
        a=rtpmap:63 red/48000/2
        a=fmtp:63 111/111
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:13 CN/8000
        a=rtpmap:110 telephone-event/48000
        a=rtpmap:126 telephone-event/8000
        a=ssrc:1853481347 cname:o3Kx9hTQ2cZ1vN5e
        m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 106 107
        c=IN IP4 0.0.0.0
        a=ice-ufrag:Xy7q
        a=ice-pwd:H1mVfQx9kR2pL5tN8wZc3Jd0
        a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
        a=setup:actpass
        a=mid:1
        a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
        a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=sendrecv
        a=msid:s1 v1
        a=rtcp-mux
        a=rtcp-rsize
        a=rtpmap:96 VP8/90000
        a=rtcp-fb:96 goog-remb
        a=rtcp-fb:96 transport-cc
        a=rtcp-fb:96 ccm fir
        a=rtcp-fb:96 nack
        a=rtcp-fb:96 nack pli
        a=rtpmap:97 rtx/90000
        a=fmtp:97 apt=96
        a=rtpmap:102 H264/90000
        a=rtcp-fb:102 nack
        a=rtcp-fb:102 nack pli
        a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
        a=rtpmap:103 rtx/90000
        a=fmtp:103 apt=102
        a=rtpmap:106 H264/90000
        a=rtcp-fb:106 nack
        a=rtcp-fb:106 nack pli
        a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
        a=rtpmap:107 rtx/90000
        a=fmtp:107 apt=106
        a=ssrc-group:FID 3212370119 2418912707
        a=ssrc:3212370119 cname:o3Kx9hTQ2cZ1vN5e
        a=ssrc:2418912707 cname:o3Kx9hTQ2cZ1vN5e

        """;

    private readonly SdpAnswerOptions _options = new()
    {
        IceUfrag = "srv1",
        IcePassword = "ServerIcePassword0123456",
        Fingerprint = new SdpFingerprint("sha-256", new byte[32]),
        HostCandidates = [new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 40000)],
        SessionId = "1",
    };

    private SessionDescription _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = SessionDescription.Parse(Offer);

    [Benchmark(Baseline = true)]
    public SessionDescription Parse() => SessionDescription.Parse(Offer);

    [Benchmark]
    public string Serialize() => _parsed.ToString();

    [Benchmark]
    public string ParseAndAnswer() => SdpAnswerer.CreateAnswer(Offer, _options).LocalSdp;
}
