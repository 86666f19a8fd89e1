using System.Net;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Tests.WebRtc.Sdp;

public class SdpOffererTests
{
    private static readonly byte[] OurDigest = Enumerable.Range(0, 32).Select(i => (byte)(0x10 + i)).ToArray();

    private static readonly SdpSendStream AudioStream = new("program-7", "program-7-audio", 0x0A0B0C0D, "vanyen-node-1");

    private static readonly SdpSendStream VideoStream = new("program-7", "program-7-video", 0x01020304, "vanyen-node-1") { RtxSsrc = 0x05060708 };

    /// <summary>What Chrome answers to <see cref="CreateOffer"/>: receive-only, setup active, its own extmap subset.</summary>
    private const string ChromeAnswer = """
        v=0
        o=- 5893460395713428921 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1
        a=msid-semantic: WMS
        m=audio 9 UDP/TLS/RTP/SAVPF 111
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Ab3d
        a=ice-pwd:Qw8rTy2uIo4pAs6dFg0hJk1l
        a=ice-options:trickle
        a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
        a=setup:active
        a=mid:0
        a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=recvonly
        a=rtcp-mux
        a=rtpmap:111 opus/48000/2
        a=rtcp-fb:111 transport-cc
        a=fmtp:111 minptime=10;useinbandfec=1
        m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Ab3d
        a=ice-pwd:Qw8rTy2uIo4pAs6dFg0hJk1l
        a=ice-options:trickle
        a=fingerprint:sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C
        a=setup:active
        a=mid:1
        a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
        a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
        a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
        a=recvonly
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
        a=rtcp-fb:102 transport-cc
        a=rtcp-fb:102 nack
        a=rtcp-fb:102 nack pli
        a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
        a=rtpmap:103 rtx/90000
        a=fmtp:103 apt=102

        """;

    private static SdpOfferOptions OfferOptions() => new()
    {
        IceUfrag = "srv2",
        IcePassword = "OffererIcePassword012345",
        Fingerprint = new SdpFingerprint("sha-256", OurDigest),
        HostCandidates = [new IPEndPoint(IPAddress.Parse("198.51.100.4"), 50000)],
        SessionId = "987654321",
        SessionVersion = 3,
        Media =
        [
            new SdpOfferMedia(SdpMediaKind.Audio, "0")
            {
                Codecs = [SdpOfferCodec.Opus(111)],
                HeaderExtensions =
                [
                    new SdpExtmap(1, null, SdpHeaderExtensionUris.AudioLevel),
                    new SdpExtmap(3, null, SdpHeaderExtensionUris.TransportWideCongestionControl),
                    new SdpExtmap(4, null, SdpHeaderExtensionUris.Mid),
                ],
                SendStream = AudioStream,
            },
            new SdpOfferMedia(SdpMediaKind.Video, "1")
            {
                Codecs = [SdpOfferCodec.Vp8(96, 97), SdpOfferCodec.H264(102, 103)],
                HeaderExtensions =
                [
                    new SdpExtmap(2, null, SdpHeaderExtensionUris.AbsoluteSendTime),
                    new SdpExtmap(3, null, SdpHeaderExtensionUris.TransportWideCongestionControl),
                    new SdpExtmap(4, null, SdpHeaderExtensionUris.Mid),
                ],
                SendStream = VideoStream,
            },
        ],
    };

    private static SessionDescription CreateOffer() => SdpOfferer.CreateOffer(OfferOptions());

    [Fact]
    public void CreateOfferWritesAnIceLiteActpassSendOnlyOffer()
    {
        var offer = SessionDescription.Parse(CreateOffer().ToString());

        Assert.True(offer.IceLite);
        Assert.Equal(new SdpOrigin("-", "987654321", 3, "IN", "IP4", "127.0.0.1"), offer.Origin);
        Assert.Equal(["0", "1"], offer.BundleGroup!.Mids);
        Assert.Equal([111], offer.Media[0].PayloadTypes);
        Assert.Equal([96, 97, 102, 103], offer.Media[1].PayloadTypes);
        Assert.Equal(new SdpRtpMap(97, "rtx", 90000), offer.Media[1].FindRtpMap(97));
        Assert.Equal("96", SdpFmtp.FindValue(offer.Media[1].FindFmtpParameters(97), "apt"));
        foreach (var media in offer.Media)
        {
            Assert.Equal(SdpSetupRole.ActPass, media.Setup);
            Assert.Equal(SdpDirection.SendOnly, media.Direction);
            Assert.True(media.RtcpMux);
            Assert.Equal("srv2", media.IceUfrag);
            Assert.Equal(new SdpFingerprint("sha-256", OurDigest), Assert.Single(media.Fingerprints));
            Assert.Equal(50000, media.Port);
        }

        Assert.Equal("198.51.100.4", Assert.Single(offer.Media[0].Candidates).Address);
        Assert.Empty(offer.Media[1].Candidates);
        Assert.Equal(new SdpMsid("program-7", "program-7-video"), Assert.Single(offer.Media[1].Msids));
        Assert.Equal([0x01020304u, 0x05060708u], Assert.Single(offer.Media[1].SsrcGroups).Ssrcs);
        Assert.Contains(new SdpSsrc(0x0A0B0C0D, "cname", "vanyen-node-1"), offer.Media[0].Ssrcs);
        Assert.Equal(new SdpExtmap(1, null, SdpHeaderExtensionUris.AudioLevel), offer.Media[0].Extmaps[0]);
    }

    [Fact]
    public void AcceptAnswerReturnsWhatWasAgreed()
    {
        var offer = CreateOffer();

        var session = SdpOfferer.AcceptAnswer(offer, ChromeAnswer);

        Assert.Equal(SdpSetupRole.Active, session.RemoteSetup);
        Assert.Equal(SdpSetupRole.Passive, session.LocalSetup);
        Assert.Equal(SdpDtlsRole.Server, session.LocalDtlsRole);
        Assert.Equal("Ab3d", session.RemoteIceUfrag);
        Assert.Equal("Qw8rTy2uIo4pAs6dFg0hJk1l", session.RemoteIcePassword);
        Assert.Equal("srv2", session.LocalIceUfrag);
        Assert.Equal("OffererIcePassword012345", session.LocalIcePassword);
        Assert.Equal(SdpTestData.FingerprintBytes(SdpTestData.ChromeFingerprint), session.RemoteFingerprint.Digest);
        Assert.Equal(["0", "1"], session.BundleMids);
        Assert.Equal(offer.ToString(), session.LocalSdp);

        var audio = session.FindMedia("0")!;
        Assert.Equal(SdpDirection.SendOnly, audio.LocalDirection);
        Assert.Equal(111, audio.FindCodec("opus")!.PayloadType);
        Assert.Equal(1, audio.FindExtensionId(SdpHeaderExtensionUris.AudioLevel));
        Assert.Null(audio.FindExtensionId(SdpHeaderExtensionUris.TransportWideCongestionControl));
        Assert.Equal(AudioStream, audio.LocalStream);

        var video = session.FindMedia("1")!;
        Assert.Equal(97, video.FindCodec("VP8")!.RtxPayloadType);
        Assert.Equal(103, video.FindCodec("H264")!.RtxPayloadType);
        Assert.True(video.FindCodec("VP8")!.HasFeedback(SdpRtcpFeedbackType.GoogRemb));
        Assert.False(video.FindCodec("H264")!.HasFeedback(SdpRtcpFeedbackType.GoogRemb));
        Assert.True(video.FindCodec("H264")!.HasFeedback(SdpRtcpFeedbackType.NackPli));
        Assert.Equal(VideoStream, video.LocalStream);
    }

    [Fact]
    public void AnAnswerWithSetupPassiveMakesUsTheDtlsClient()
    {
        var session = SdpOfferer.AcceptAnswer(CreateOffer(), ChromeAnswer.Replace("a=setup:active", "a=setup:passive", StringComparison.Ordinal));

        Assert.Equal(SdpSetupRole.Active, session.LocalSetup);
        Assert.Equal(SdpDtlsRole.Client, session.LocalDtlsRole);
    }

    [Fact]
    public void AnAnswerRejectingVideoLeavesOnlyAudio()
    {
        string answer = ChromeAnswer
            .Replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103", "m=video 0 UDP/TLS/RTP/SAVPF 96", StringComparison.Ordinal)
            .Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0", StringComparison.Ordinal);

        var session = SdpOfferer.AcceptAnswer(CreateOffer(), answer);

        Assert.Equal(["0"], session.BundleMids);
        Assert.False(session.FindMedia("1")!.Accepted);
        Assert.True(session.FindMedia("0")!.Accepted);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { SdpTestData.WithoutLines(ChromeAnswer, l => l.StartsWith("a=fingerprint", StringComparison.Ordinal)), "The answer has no a=fingerprint" },
        { SdpTestData.WithoutLines(ChromeAnswer, l => l.StartsWith("a=group", StringComparison.Ordinal)), "no a=group:BUNDLE" },
        { ChromeAnswer.Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0", StringComparison.Ordinal), "leaves it out of its BUNDLE group" },
        { ChromeAnswer.Replace("a=setup:active", "a=setup:actpass", StringComparison.Ordinal), "must be active or passive" },
        { ChromeAnswer.Replace("a=mid:1", "a=mid:7", StringComparison.Ordinal), "has mid 7; the offer's had mid 1" },
        { ChromeAnswer.Replace("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio 9 UDP/TLS/RTP/SAVPF 111 0", StringComparison.Ordinal), "uses payload type 0, which the offer did not have" },
        { ChromeAnswer.Replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000", StringComparison.Ordinal), "maps payload type 96 to VP9/90000; the offer mapped it to VP8/90000" },
        { ChromeAnswer.Replace("a=extmap:2 http", "a=extmap:9 http", StringComparison.Ordinal), "uses extension id 9" },
        { ChromeAnswer.Replace("a=recvonly", "a=sendrecv", StringComparison.Ordinal), "is sendrecv, which does not fit the offered sendonly" },
        { SdpTestData.WithoutLines(ChromeAnswer, l => l == "a=rtcp-mux"), "no a=rtcp-mux" },
        { SdpTestData.WithoutLines(ChromeAnswer, l => l.StartsWith("a=ice-pwd", StringComparison.Ordinal)), "no a=ice-pwd" },
        { ChromeAnswer[..ChromeAnswer.IndexOf("m=video", StringComparison.Ordinal)], "The answer has 1 m-lines; the offer had 2" },
        { ChromeAnswer.Replace(" 9 UDP/TLS/RTP/SAVPF", " 0 UDP/TLS/RTP/SAVPF", StringComparison.Ordinal), "rejected every m-line" },
        { ChromeAnswer.Replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103", "m=video 9 UDP/TLS/RTP/SAVPF 97", StringComparison.Ordinal), "without any of the offered codecs" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void AcceptAnswerThrowsForAnAnswerThatDoesNotFitTheOffer(string answer, string expectedMessagePart)
    {
        var exception = Assert.Throws<SdpNegotiationException>(() => SdpOfferer.AcceptAnswer(CreateOffer(), answer));

        Assert.Contains(expectedMessagePart, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OurOwnAnswererAndOffererAgree()
    {
        var offer = CreateOffer();
        var answerer = SdpAnswerer.CreateAnswer(offer.ToString(), new SdpAnswerOptions
        {
            IceUfrag = "peer",
            IcePassword = "PeerIcePassword01234567",
            Fingerprint = new SdpFingerprint("sha-256", new byte[32]),
        });

        var offerer = SdpOfferer.AcceptAnswer(offer, answerer.LocalSdp);

        Assert.Equal(SdpDtlsRole.Server, answerer.LocalDtlsRole);
        Assert.Equal(SdpDtlsRole.Client, offerer.LocalDtlsRole);
        Assert.Equal("peer", offerer.RemoteIceUfrag);
        Assert.Equal("srv2", answerer.RemoteIceUfrag);
        Assert.Equal(new SdpFingerprint("sha-256", OurDigest), answerer.RemoteFingerprint);
        Assert.Equal(answerer.BundleMids, offerer.BundleMids);
        for (int i = 0; i < 2; i++)
        {
            var ours = offerer.Media[i];
            var theirs = answerer.Media[i];
            Assert.Equal(theirs.Codecs.Select(c => (c.PayloadType, c.RtxPayloadType)), ours.Codecs.Select(c => (c.PayloadType, c.RtxPayloadType)));
            Assert.Equal(theirs.HeaderExtensions.OrderBy(e => e.Value), ours.HeaderExtensions.OrderBy(e => e.Value));
            Assert.Equal(SdpDirection.SendOnly, ours.LocalDirection);
            Assert.Equal(SdpDirection.RecvOnly, theirs.LocalDirection);
        }

        Assert.Equal([0x01020304u, 0x05060708u], answerer.FindMedia("1")!.RemoteSsrcs);
        Assert.Equal("vanyen-node-1", answerer.FindMedia("0")!.RemoteCName);
    }

    [Fact]
    public void CreateOfferRejectsInconsistentOptions()
    {
        var options = OfferOptions();
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with { Media = [options.Media[0], options.Media[0]] }));
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with { Media = [] }));
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with
        {
            Media = [new SdpOfferMedia(SdpMediaKind.Video, "v") { Codecs = [SdpOfferCodec.Vp8(96, 96)] }],
        }));
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with
        {
            Media = [new SdpOfferMedia(SdpMediaKind.Application, "d") { Codecs = [SdpOfferCodec.Opus()] }],
        }));
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with
        {
            Media = [new SdpOfferMedia(SdpMediaKind.Audio, "a b") { Codecs = [SdpOfferCodec.Opus()] }],
        }));
        Assert.Throws<ArgumentException>(() => SdpOfferer.CreateOffer(options with
        {
            Media =
            [
                new SdpOfferMedia(SdpMediaKind.Audio, "a")
                {
                    Codecs = [SdpOfferCodec.Opus()],
                    HeaderExtensions = [new SdpExtmap(1, null, SdpHeaderExtensionUris.Mid), new SdpExtmap(1, null, SdpHeaderExtensionUris.AudioLevel)],
                },
            ],
        }));
    }
}
