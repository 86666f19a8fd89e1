using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Benchmarks.WebRtc;

namespace VanYen.Media.Benchmarks.Forwarding;

/// <summary>
/// One SFU forward of a 1000-byte VP8 packet over <see cref="InMemoryPeerRig"/>: receive → demux → SRTP
/// unprotect → parse → forwarding room (cache store, key frame check, SSRC/sequence/timestamp/payload type rewrite,
/// extension remap) → SRTP protect → send. The browser's own SRTP protect is measured alone as the baseline.
/// </summary>
/// <remarks>
/// One in-memory pair gives one remote address, so both participants of the call share one peer: each packet the
/// "browser" sends is the second participant's camera, forwarded to the first participant's slot through the same
/// peer. The per-packet work is the same as with two peers.
/// </remarks>
[MemoryDiagnoser]
public class ForwardingBenchmarks
{
    private const uint PublisherVideoSsrc = 0xB0B0_0002;

    private readonly byte[] _rtp = new byte[1100];
    private readonly byte[] _protected = new byte[1200];
    private InMemoryPeerRig _rig = null!;
    private ForwardingRoom _room = null!;
    private ushort _sequenceNumber;

    [GlobalSetup]
    public void Setup()
    {
        ForwardingSsrcs[] ssrcs = [new(11, 12, 13), new(21, 22, 23), new(31, 32, 33)];
        SessionOpenRequest request = ForwardingRoom.CreateSessionRequest("bench", CallOffer(), ssrcs);
        _rig = InMemoryPeerRig.Create(request.OfferSdp, options => options with
        {
            AudioCodecs = request.AudioCodecs,
            VideoCodecs = request.VideoCodecs,
            HeaderExtensions = request.HeaderExtensions,
            RtcpFeedback = request.RtcpFeedback!,
            MediaByMid = request.MediaByMid,
        });
        _room = new ForwardingRoom("bench", null, new ForwardingOptions(), NullLogger.Instance);
        _room.AddParticipant("doctor", "s1", _rig.Peer, _rig.Negotiated, ssrcs);
        _room.AddParticipant("patient", "s2", _rig.Peer, _rig.Negotiated, ssrcs);
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();

    [Benchmark(Baseline = true, Description = "browser SRTP protect only (1000 B video)")]
    public int ProtectOnly() => Protect();

    [Benchmark(Description = "receive → unprotect → SFU forward (cache, rewrite, protect, send)")]
    public bool ReceiveAndForward() => _rig.SendFromBrowser(_protected.AsSpan(0, Protect()));

    /// <summary>Packets forwarded so far (keeps the room's work observable).</summary>
    public long Forwarded => _room.Counters.PacketsForwarded;

    private int Protect()
    {
        // A VP8 key frame start (S=1, PID=0, P=0) so the slot starts on the first packet; 1000 bytes of payload.
        int header = RtpHeaderWriter.Write(_rtp, new RtpHeaderFields(96, true, _sequenceNumber, (uint)_sequenceNumber * 3000, PublisherVideoSsrc));
        _rtp[header] = 0x10;
        _rtp[header + 1] = 0x00;
        _rtp.AsSpan(header + 2, 998).Fill(0x42);
        _sequenceNumber++;
        _rig.BrowserOutbound.TryProtectRtp(_rtp.AsSpan(0, header + 1000), _protected, out int length);
        return length;
    }

    private static string CallOffer()
    {
        var sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2 3 4 5 6 7\r\n");
        for (int mid = 0; mid < 8; mid++)
        {
            bool video = mid % 2 == 1;
            sdp.Append(video ? "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n" : "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
            sdp.Append(CultureInfo.InvariantCulture, $"c=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n");
            sdp.Append("a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C\r\n");
            sdp.Append(CultureInfo.InvariantCulture, $"a=setup:actpass\r\na=mid:{mid}\r\n");
            sdp.Append(mid < 2 ? "a=sendonly\r\n" : "a=recvonly\r\n");
            sdp.Append("a=rtcp-mux\r\n");
            sdp.Append(video
                ? "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                : "a=rtpmap:111 opus/48000/2\r\n");
            if (mid == 1)
            {
                sdp.Append("a=ssrc:" + PublisherVideoSsrc.ToString(CultureInfo.InvariantCulture) + " cname:bench\r\n");
            }
        }

        return sdp.ToString();
    }
}
