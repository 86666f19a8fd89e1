using System.Net;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Tests.WebRtc.Sdp;

public class SdpAnswererTests
{
    private static readonly byte[] OurDigest = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();

    private static SdpAnswerOptions Options() => new()
    {
        IceUfrag = "srv1",
        IcePassword = "ServerIcePassword0123456",
        Fingerprint = new SdpFingerprint("sha-256", OurDigest),
        HostCandidates = [new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000), new IPEndPoint(IPAddress.Parse("2001:db8::10"), 40000)],
        SessionId = "1234567890",
    };

    [Fact]
    public void AnswerToChromeKeepsPayloadTypesAndExtensionIds()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOfferCrlf, Options());
        var answer = session.LocalDescription;

        var audio = answer.Media[0];
        Assert.Equal([111], audio.PayloadTypes);
        Assert.Equal(new SdpRtpMap(111, "opus", 48000, 2), Assert.Single(audio.RtpMaps));
        Assert.Equal([new SdpFmtpParameter("minptime", "10"), new SdpFmtpParameter("useinbandfec", "1")], audio.FindFmtpParameters(111));
        Assert.Equal([new SdpRtcpFeedback(111, "transport-cc")], audio.RtcpFeedbacks);
        Assert.Equal(
            [
                new SdpExtmap(1, null, SdpHeaderExtensionUris.AudioLevel),
                new SdpExtmap(2, null, SdpHeaderExtensionUris.AbsoluteSendTime),
                new SdpExtmap(3, null, SdpHeaderExtensionUris.TransportWideCongestionControl),
                new SdpExtmap(4, null, SdpHeaderExtensionUris.Mid),
            ],
            audio.Extmaps);

        var video = answer.Media[1];
        // Our preference (VP8 first, then H.264 packetization-mode 1 baseline), the offer's numbers, RTX after each.
        Assert.Equal([96, 97, 102, 103, 106, 107], video.PayloadTypes);
        Assert.Equal("apt=96", video.Fmtps.Single(f => f.PayloadType == 97).FormatParameters());
        Assert.Equal("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", video.Fmtps.Single(f => f.PayloadType == 106).FormatParameters());
        Assert.Equal(
            [new SdpExtmap(2, null, SdpHeaderExtensionUris.AbsoluteSendTime), new SdpExtmap(3, null, SdpHeaderExtensionUris.TransportWideCongestionControl), new SdpExtmap(4, null, SdpHeaderExtensionUris.Mid)],
            video.Extmaps);
        Assert.Equal(5, video.FindRtcpFeedbacks(96).Count);
        Assert.Empty(video.FindRtcpFeedbacks(97));
    }

    [Fact]
    public void AnswerToChromeIsIceLiteDtlsPassiveWithOurFingerprintAndCandidates()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options());
        var answer = SessionDescription.Parse(session.LocalSdp);

        Assert.True(answer.IceLite);
        Assert.Equal(["0", "1"], answer.BundleGroup!.Mids);
        Assert.Equal("1234567890", answer.Origin.SessionId);
        foreach (var media in answer.Media.Take(2))
        {
            Assert.Equal(SdpSetupRole.Passive, media.Setup);
            Assert.Equal(new SdpFingerprint("sha-256", OurDigest), Assert.Single(media.Fingerprints));
            Assert.Equal("srv1", media.IceUfrag);
            Assert.Equal("ServerIcePassword0123456", media.IcePassword);
            Assert.True(media.RtcpMux);
            Assert.True(media.RtcpReducedSize);
            Assert.Equal(40000, media.Port);
            Assert.Equal(new SdpConnection("IN", "IP4", "192.0.2.10"), Assert.Single(media.Connections));
        }

        var tagged = answer.Media[0];
        Assert.Equal(2, tagged.Candidates.Count);
        Assert.Equal("192.0.2.10", tagged.Candidates[0].Address);
        Assert.Equal(40000, tagged.Candidates[0].Port);
        Assert.Equal("host", tagged.Candidates[0].Type);
        Assert.Equal("udp", tagged.Candidates[0].Transport);
        Assert.Equal((126u << 24) | (65535u << 8) | 255u, tagged.Candidates[0].Priority);
        Assert.Equal("2001:db8::10", tagged.Candidates[1].Address);
        Assert.True(tagged.Candidates[0].Priority > tagged.Candidates[1].Priority);
        Assert.True(tagged.EndOfCandidates);
        Assert.Empty(answer.Media[1].Candidates);

        Assert.Contains("a=ice-lite\r\n", session.LocalSdp, StringComparison.Ordinal);
        Assert.Contains("a=setup:passive\r\n", session.LocalSdp, StringComparison.Ordinal);
        Assert.Contains("a=group:BUNDLE 0 1\r\n", session.LocalSdp, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerRejectsTheDataChannelWithPortZeroOutsideTheBundle()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options());
        var application = session.LocalDescription.Media[2];

        Assert.Equal("application", application.MediaType);
        Assert.Equal(0, application.Port);
        Assert.Equal("UDP/DTLS/SCTP", application.Protocol);
        Assert.Equal(["webrtc-datachannel"], application.Formats);
        Assert.Equal("2", application.Mid);
        Assert.Empty(application.Candidates);
        Assert.DoesNotContain("2", session.BundleMids);
        Assert.Contains("m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\n", session.LocalSdp, StringComparison.Ordinal);

        var negotiated = session.FindMedia("2")!;
        Assert.False(negotiated.Accepted);
        Assert.Equal("data channels are not supported", negotiated.RejectionReason);
    }

    [Fact]
    public void NegotiatedSessionGivesTheMediaLayerWhatItNeeds()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options());

        Assert.Equal("Xy7q", session.RemoteIceUfrag);
        Assert.Equal("H1mVfQx9kR2pL5tN8wZc3Jd0", session.RemoteIcePassword);
        Assert.Equal("srv1", session.LocalIceUfrag);
        Assert.Equal(new SdpFingerprint("sha-256", SdpTestData.FingerprintBytes(SdpTestData.ChromeFingerprint)), session.RemoteFingerprint);
        Assert.Equal(SdpSetupRole.ActPass, session.RemoteSetup);
        Assert.Equal(SdpSetupRole.Passive, session.LocalSetup);
        Assert.Equal(SdpDtlsRole.Server, session.LocalDtlsRole);
        Assert.Equal(["0", "1"], session.BundleMids);
        Assert.False(session.ExtmapAllowMixed);

        var audio = session.FindMedia("0")!;
        Assert.True(audio.Accepted);
        Assert.Equal(SdpMediaKind.Audio, audio.Kind);
        Assert.Equal(111, audio.FindCodec("opus")!.PayloadType);
        Assert.Equal(2, audio.PreferredCodec!.Channels);
        Assert.Equal(1, audio.FindExtensionId(SdpHeaderExtensionUris.AudioLevel));
        Assert.Equal(4, audio.FindExtensionId(SdpHeaderExtensionUris.Mid));
        Assert.Null(audio.FindExtensionId("urn:ietf:params:rtp-hdrext:toffset"));
        Assert.Equal([1853481347u], audio.RemoteSsrcs);
        Assert.Equal("o3Kx9hTQ2cZ1vN5e", audio.RemoteCName);
        Assert.Equal("90fbbd11-9c1c-4af7-9e87-66ed88daf401", Assert.Single(audio.RemoteMsids).TrackId);
        Assert.True(audio.FindCodec("opus")!.HasFeedback(SdpRtcpFeedbackType.TransportCc));

        var video = session.FindMedia("1")!;
        var vp8 = video.FindCodec("VP8")!;
        Assert.Equal(96, vp8.PayloadType);
        Assert.Equal(97, vp8.RtxPayloadType);
        Assert.Same(vp8, video.PreferredCodec);
        var h264 = video.FindCodec("H264")!;
        Assert.Equal(102, h264.PayloadType);
        Assert.Equal(103, h264.RtxPayloadType);
        Assert.Equal("42001f", SdpFmtp.FindValue(h264.RemoteParameters, "profile-level-id"));
        Assert.Equal(106, video.FindCodec(107)!.PayloadType);
        Assert.True(vp8.HasFeedback(SdpRtcpFeedbackType.NackPli));
        Assert.True(vp8.HasFeedback(SdpRtcpFeedbackType.CcmFir));
        Assert.True(vp8.HasFeedback(SdpRtcpFeedbackType.GoogRemb));
        Assert.Equal(3, video.FindExtensionId(SdpHeaderExtensionUris.TransportWideCongestionControl));
        Assert.Equal([3212370119u, 2418912707u], video.RemoteSsrcs);
        Assert.Equal("FID", Assert.Single(video.RemoteSsrcGroups).Semantics);
    }

    [Fact]
    public void AnswerToFirefoxUsesTheSessionLevelFingerprintAndKeepsItsNumbers()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.FirefoxOffer, Options());

        Assert.Equal(new SdpFingerprint("sha-256", SdpTestData.FingerprintBytes(SdpTestData.FirefoxFingerprint)), session.RemoteFingerprint);
        Assert.Equal("8f3e2a1d", session.RemoteIceUfrag);
        var audio = session.FindMedia("0")!;
        Assert.Equal(109, audio.FindCodec("opus")!.PayloadType);
        Assert.Equal("1", SdpFmtp.FindValue(audio.FindCodec("opus")!.RemoteParameters, "stereo"));
        Assert.Equal(1, audio.FindExtensionId(SdpHeaderExtensionUris.AudioLevel));
        Assert.Equal(3, audio.FindExtensionId(SdpHeaderExtensionUris.Mid));
        Assert.Equal("{5e3c1a2b-7d9f-4a6e-b8c0-1f2e3d4c5b6a}", audio.RemoteCName);

        var video = session.FindMedia("1")!;
        Assert.Equal([120, 124, 126, 127], session.LocalDescription.Media[1].PayloadTypes);
        Assert.Equal(124, video.FindCodec("VP8")!.RtxPayloadType);
        Assert.Equal(127, video.FindCodec("H264")!.RtxPayloadType);
        Assert.Null(video.FindCodec(97));
        Assert.Equal(4, video.FindExtensionId(SdpHeaderExtensionUris.AbsoluteSendTime));
        Assert.Equal(7, video.FindExtensionId(SdpHeaderExtensionUris.TransportWideCongestionControl));
        Assert.Equal(0, session.LocalDescription.Media[2].Port);
        Assert.Equal(["0", "1"], session.BundleMids);
    }

    [Fact]
    public void AnExtensionOfferedRecvOnlyIsAnsweredSendOnly()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.FirefoxOffer, Options() with
        {
            HeaderExtensions = [.. SdpHeaderExtensionUris.Defaults, "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"],
        });

        Assert.Contains(
            new SdpExtmap(6, SdpDirection.SendOnly, "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"),
            session.LocalDescription.Media[1].Extmaps);
        Assert.Contains("a=extmap:6/sendonly http://www.webrtc.org/experiments/rtp-hdrext/playout-delay\r\n", session.LocalSdp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("sendrecv", SdpDirection.RecvOnly, SdpDirection.RecvOnly)]
    [InlineData("sendrecv", SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData("sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData("sendonly", SdpDirection.SendOnly, SdpDirection.Inactive)]
    [InlineData("recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData("recvonly", SdpDirection.RecvOnly, SdpDirection.Inactive)]
    [InlineData("inactive", SdpDirection.SendRecv, SdpDirection.Inactive)]
    public void AnswerDirectionFollowsTheOfferAndWhatWeWant(string offered, SdpDirection wanted, SdpDirection expected)
    {
        string offer = SdpTestData.ChromeOffer.Replace("a=sendrecv", "a=" + offered, StringComparison.Ordinal);
        var stream = new SdpSendStream("server-stream", "server-audio", 0x11223344, "server-cname");

        var session = SdpAnswerer.CreateAnswer(offer, Options() with
        {
            Audio = new SdpLocalMedia(wanted, stream),
        });

        Assert.Equal(expected, session.LocalDescription.Media[0].Direction);
        Assert.Equal(expected, session.FindMedia("0")!.LocalDirection);
        bool sends = expected is SdpDirection.SendRecv or SdpDirection.SendOnly;
        Assert.Equal(sends, session.LocalDescription.Media[0].Msids.Count == 1);
        Assert.Equal(sends ? stream : null, session.FindMedia("0")!.LocalStream);
    }

    [Fact]
    public void EchoTestAnswerAnnouncesOurStreamsWithRtxGroup()
    {
        var audioStream = new SdpSendStream("echo", "echo-audio", 1111, "server");
        var videoStream = new SdpSendStream("echo", "echo-video", 2222, "server") { RtxSsrc = 3333 };

        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with
        {
            MediaByMid = new Dictionary<string, SdpLocalMedia>
            {
                ["0"] = new(SdpDirection.SendRecv, audioStream),
                ["1"] = new(SdpDirection.SendRecv, videoStream),
            },
        });
        var answer = SessionDescription.Parse(session.LocalSdp);

        Assert.Equal(SdpDirection.SendRecv, answer.Media[0].Direction);
        Assert.Equal(new SdpMsid("echo", "echo-audio"), Assert.Single(answer.Media[0].Msids));
        Assert.Equal([new SdpSsrc(1111, "cname", "server"), new SdpSsrc(1111, "msid", "echo echo-audio")], answer.Media[0].Ssrcs);
        Assert.Empty(answer.Media[0].SsrcGroups);
        var fid = Assert.Single(answer.Media[1].SsrcGroups);
        Assert.Equal("FID", fid.Semantics);
        Assert.Equal([2222u, 3333u], fid.Ssrcs);
        Assert.Equal(4, answer.Media[1].Ssrcs.Count);
    }

    [Fact]
    public void OfferWithSetupPassiveMakesUsTheDtlsClient()
    {
        string offer = SdpTestData.ChromeOffer.Replace("a=setup:actpass", "a=setup:passive", StringComparison.Ordinal);

        var session = SdpAnswerer.CreateAnswer(offer, Options());

        Assert.Equal(SdpSetupRole.Passive, session.RemoteSetup);
        Assert.Equal(SdpSetupRole.Active, session.LocalSetup);
        Assert.Equal(SdpDtlsRole.Client, session.LocalDtlsRole);
        Assert.Contains("a=setup:active\r\n", session.LocalSdp, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferWithSetupActiveIsAnsweredPassive()
    {
        string offer = SdpTestData.ChromeOffer.Replace("a=setup:actpass", "a=setup:active", StringComparison.Ordinal);

        var session = SdpAnswerer.CreateAnswer(offer, Options());

        Assert.Equal(SdpSetupRole.Passive, session.LocalSetup);
        Assert.Equal(SdpDtlsRole.Server, session.LocalDtlsRole);
    }

    [Fact]
    public void VideoIsRejectedWhenWeAcceptNoVideoCodec()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with
        {
            VideoCodecs = [],
        });

        Assert.Equal(0, session.LocalDescription.Media[1].Port);
        Assert.Equal(["0"], session.BundleMids);
        Assert.Equal(["0"], session.LocalDescription.BundleGroup!.Mids);
        Assert.False(session.FindMedia("1")!.Accepted);
        Assert.Contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\n", session.LocalSdp, StringComparison.Ordinal);
    }

    [Fact]
    public void VideoWithoutASupportedCodecIsRejectedNamingTheOfferedOnes()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with
        {
            VideoCodecs = [new SdpCodecCapability("H265", 90000)],
        });

        var video = session.FindMedia("1")!;
        Assert.False(video.Accepted);
        Assert.Contains("VP8/90000", video.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("H265/90000", video.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtmapAllowMixedIsEchoedOnlyWhenAllowed()
    {
        var withoutOption = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options());
        var withOption = SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with
        {
            AcceptExtmapAllowMixed = true,
        });

        Assert.False(withoutOption.LocalDescription.ExtmapAllowMixed);
        Assert.True(withOption.LocalDescription.ExtmapAllowMixed);
        Assert.True(withOption.ExtmapAllowMixed);
    }

    public static TheoryData<string, string> OffersMissingSomething => new()
    {
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=group:BUNDLE", StringComparison.Ordinal)), "no a=group:BUNDLE" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=fingerprint", StringComparison.Ordinal)), "no a=fingerprint" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=ice-ufrag", StringComparison.Ordinal)), "no a=ice-ufrag" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=ice-pwd", StringComparison.Ordinal)), "no a=ice-pwd" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=ice-", StringComparison.Ordinal)), "no a=ice-ufrag and a=ice-pwd" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l == "a=rtcp-mux"), "no a=rtcp-mux" },
        { SdpTestData.ChromeOffer.Replace("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/AVP", StringComparison.Ordinal), "uses protocol RTP/AVP; only UDP/TLS/RTP/SAVPF" },
        { SdpTestData.ChromeOffer.Replace("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/SAVPF", StringComparison.Ordinal), "uses protocol RTP/SAVPF" },
        { SdpTestData.ChromeOffer.Replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/1", StringComparison.Ordinal), "no audio m-line with opus/48000/2" },
        { SdpTestData.WithoutLines(SdpTestData.ChromeOffer, l => l.StartsWith("a=rtpmap:111", StringComparison.Ordinal)), "none of the offered codecs (red/48000/2, G722/8000" },
        { SdpTestData.ChromeOffer.Replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 1 2", StringComparison.Ordinal), "m-line 0 (audio, mid 0): not in the BUNDLE group" },
        { SdpTestData.ChromeOffer.Replace("m=audio 9 ", "m=audio 0 ", StringComparison.Ordinal), "rejected in the offer (port 0)" },
        { SdpTestData.ChromeOffer.Replace("a=fingerprint:sha-256", "a=fingerprint:sha-1", StringComparison.Ordinal), "unsupported hash function (sha-1)" },
        { SdpTestData.ChromeOffer.Replace("a=fingerprint:sha-256", "a=fingerprint:sha-384", StringComparison.Ordinal), "sha-384 digest has 32 bytes; 48 are expected" },
        { SdpTestData.ChromeOffer.Replace("a=setup:actpass", "a=setup:holdconn", StringComparison.Ordinal), "a=setup:holdconn" },
    };

    [Theory]
    [MemberData(nameof(OffersMissingSomething))]
    public void AnOfferWeCannotServeThrowsNamingWhatIsMissing(string offer, string expectedMessagePart)
    {
        var exception = Assert.Throws<SdpNegotiationException>(() => SdpAnswerer.CreateAnswer(offer, Options()));

        Assert.Contains(expectedMessagePart, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha512FingerprintsAreAccepted()
    {
        string digest = string.Join(':', Enumerable.Range(0, 64).Select(i => i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        string offer = SdpTestData.ChromeOffer.Replace("a=fingerprint:sha-256 " + SdpTestData.ChromeFingerprint, "a=fingerprint:sha-512 " + digest, StringComparison.Ordinal);

        var session = SdpAnswerer.CreateAnswer(offer, Options());

        Assert.Equal("sha-512", session.RemoteFingerprint.HashFunction);
        Assert.Equal(64, session.RemoteFingerprint.Digest.Length);
    }

    [Fact]
    public void VideoOnlyOffersAreServedWhenAudioIsNotRequired()
    {
        string offer = SdpTestData.ChromeOffer.Replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 1", StringComparison.Ordinal);

        var session = SdpAnswerer.CreateAnswer(offer, Options() with
        {
            RequireAudio = false,
        });

        Assert.Equal(["1"], session.BundleMids);
        Assert.Equal(0, session.LocalDescription.Media[0].Port);
        Assert.Equal(2, session.LocalDescription.Media[1].Candidates.Count);
    }

    [Fact]
    public void BadLocalOptionsAreRejectedBeforeAnswering()
    {
        Assert.Throws<ArgumentException>(() => SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with { IceUfrag = "ab" }));
        Assert.Throws<ArgumentException>(() => SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with { IcePassword = "short" }));
        Assert.Throws<ArgumentException>(() => SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with { IceUfrag = "bad ufrag" }));
        Assert.Throws<ArgumentException>(() => SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with { Fingerprint = new SdpFingerprint("sha-256", new byte[20]) }));
        Assert.Throws<ArgumentException>(() => SdpAnswerer.CreateAnswer(SdpTestData.ChromeOffer, Options() with { SessionId = "12ab" }));
    }

    [Fact]
    public void TheAnswerParsesBackToTheSameModel()
    {
        var session = SdpAnswerer.CreateAnswer(SdpTestData.FirefoxOffer, Options());

        var parsed = SessionDescription.Parse(session.LocalSdp);

        Assert.Equivalent(session.LocalDescription, parsed, strict: true);
        Assert.Equal(session.LocalSdp, parsed.ToString());
    }
}
