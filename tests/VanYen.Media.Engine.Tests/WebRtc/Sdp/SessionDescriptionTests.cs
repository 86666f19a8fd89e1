using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Tests.WebRtc.Sdp;

public class SessionDescriptionTests
{
    [Fact]
    public void ParseReadsTheSessionLevelOfAChromeOffer()
    {
        var offer = SessionDescription.Parse(SdpTestData.ChromeOfferCrlf);

        Assert.Equal(0, offer.Version);
        Assert.Equal(new SdpOrigin("-", "4611731400430051336", 2, "IN", "IP4", "127.0.0.1"), offer.Origin);
        Assert.Equal("-", offer.SessionName);
        var timing = Assert.Single(offer.Timings);
        Assert.Equal(0UL, timing.StartTime);
        Assert.Equal(0UL, timing.StopTime);
        var bundle = Assert.Single(offer.Groups);
        Assert.Equal("BUNDLE", bundle.Semantics);
        Assert.Equal(["0", "1", "2"], bundle.Mids);
        Assert.Same(bundle, offer.BundleGroup);
        Assert.True(offer.ExtmapAllowMixed);
        Assert.False(offer.IceLite);
        Assert.Equal("WMS", offer.MsidSemantic!.Semantic);
        Assert.Equal(["7c26847f-0316-409e-bbbb-e9eaa8948c89"], offer.MsidSemantic.Identifiers);
        Assert.Empty(offer.Fingerprints);
        Assert.Equal(3, offer.Media.Count);
        Assert.Equal([SdpMediaKind.Audio, SdpMediaKind.Video, SdpMediaKind.Application], offer.Media.Select(m => m.Kind));
    }

    [Fact]
    public void ParseReadsTheChromeAudioSection()
    {
        var audio = SessionDescription.Parse(SdpTestData.ChromeOffer).Media[0];

        Assert.Equal("audio", audio.MediaType);
        Assert.Equal(9, audio.Port);
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.Equal([111, 63, 9, 0, 8, 13, 110, 126], audio.PayloadTypes);
        Assert.Equal(new SdpConnection("IN", "IP4", "0.0.0.0"), Assert.Single(audio.Connections));
        Assert.Equal("0", audio.Mid);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(audio.RtcpMux);
        Assert.True(audio.RtcpReducedSize);
        Assert.Equal("Xy7q", audio.IceUfrag);
        Assert.Equal("H1mVfQx9kR2pL5tN8wZc3Jd0", audio.IcePassword);
        Assert.Equal(["trickle"], audio.IceOptions);
        var fingerprint = Assert.Single(audio.Fingerprints);
        Assert.Equal("sha-256", fingerprint.HashFunction);
        Assert.Equal(SdpTestData.FingerprintBytes(SdpTestData.ChromeFingerprint), fingerprint.Digest);
        Assert.Equal(SdpSetupRole.ActPass, audio.Setup);

        Assert.Equal(new SdpRtpMap(111, "opus", 48000, 2), audio.RtpMaps[0]);
        Assert.Equal(new SdpRtpMap(9, "G722", 8000), audio.FindRtpMap(9));
        Assert.Equal([new SdpFmtpParameter("minptime", "10"), new SdpFmtpParameter("useinbandfec", "1")], audio.FindFmtpParameters(111));
        Assert.Equal([new SdpFmtpParameter("111/111", null)], audio.FindFmtpParameters(63));
        Assert.Equal(new SdpRtcpFeedback(111, "transport-cc"), Assert.Single(audio.RtcpFeedbacks));

        Assert.Equal(4, audio.Extmaps.Count);
        Assert.Equal(new SdpExtmap(1, null, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"), audio.Extmaps[0]);
        Assert.Equal(new SdpExtmap(4, null, "urn:ietf:params:rtp-hdrext:sdes:mid"), audio.Extmaps[3]);

        Assert.Equal(new SdpMsid("7c26847f-0316-409e-bbbb-e9eaa8948c89", "90fbbd11-9c1c-4af7-9e87-66ed88daf401"), Assert.Single(audio.Msids));
        Assert.Equal(new SdpSsrc(1853481347, "cname", "o3Kx9hTQ2cZ1vN5e"), audio.Ssrcs[0]);
        Assert.Equal(new SdpSsrc(1853481347, "msid", "7c26847f-0316-409e-bbbb-e9eaa8948c89 90fbbd11-9c1c-4af7-9e87-66ed88daf401"), audio.Ssrcs[1]);
        Assert.Equal(new SdpAttribute("rtcp", "9 IN IP4 0.0.0.0"), Assert.Single(audio.OtherAttributes));
    }

    [Fact]
    public void ParseReadsChromeCandidatesWithTheirExtensions()
    {
        var audio = SessionDescription.Parse(SdpTestData.ChromeOffer).Media[0];

        Assert.Equal(3, audio.Candidates.Count);
        var udp = audio.Candidates[0];
        Assert.Equal("2999745851", udp.Foundation);
        Assert.Equal(1, udp.Component);
        Assert.Equal("udp", udp.Transport);
        Assert.True(udp.IsUdp);
        Assert.Equal(2122260223u, udp.Priority);
        Assert.Equal("43435cc5-2eae-45cf-96d0-cc5fd4c28c2e.local", udp.Address);
        Assert.Equal(58231, udp.Port);
        Assert.Equal("host", udp.Type);
        Assert.Equal(0, udp.Generation);
        Assert.Null(udp.RelatedAddress);
        Assert.Equal(
            [new KeyValuePair<string, string>("network-id", "1"), new KeyValuePair<string, string>("network-cost", "10")],
            udp.Extensions);

        var tcp = audio.Candidates[2];
        Assert.Equal("tcp", tcp.Transport);
        Assert.Equal("active", tcp.TcpType);
        Assert.Equal(9, tcp.Port);
    }

    [Fact]
    public void ParseReadsTheChromeVideoSection()
    {
        var video = SessionDescription.Parse(SdpTestData.ChromeOffer).Media[1];

        Assert.Equal([96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 127, 125, 39, 40, 45, 46, 112, 113, 114], video.PayloadTypes);
        Assert.Equal(23, video.RtpMaps.Count);
        Assert.Equal(new SdpRtpMap(45, "AV1", 90000), video.FindRtpMap(45));
        Assert.Equal("96", SdpFmtp.FindValue(video.FindFmtpParameters(97), "apt"));
        Assert.Equal("42e01f", SdpFmtp.FindValue(video.FindFmtpParameters(106), "profile-level-id"));
        Assert.Equal(
            [new SdpRtcpFeedback(96, "goog-remb"), new SdpRtcpFeedback(96, "transport-cc"), new SdpRtcpFeedback(96, "ccm", "fir"), new SdpRtcpFeedback(96, "nack"), new SdpRtcpFeedback(96, "nack", "pli")],
            video.FindRtcpFeedbacks(96));
        Assert.Equal(11, video.Extmaps.Count);
        Assert.Equal(new SdpExtmap(14, null, "urn:ietf:params:rtp-hdrext:toffset"), video.Extmaps[0]);
        Assert.Equal(new SdpExtmap(10, null, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"), video.Extmaps[9]);
        var fid = Assert.Single(video.SsrcGroups);
        Assert.Equal("FID", fid.Semantics);
        Assert.Equal([3212370119u, 2418912707u], fid.Ssrcs);
        Assert.Equal(4, video.Ssrcs.Count);
    }

    [Fact]
    public void ParseKeepsTheDataChannelSectionAttributesVerbatim()
    {
        var application = SessionDescription.Parse(SdpTestData.ChromeOffer).Media[2];

        Assert.Equal(SdpMediaKind.Application, application.Kind);
        Assert.Equal("UDP/DTLS/SCTP", application.Protocol);
        Assert.False(application.IsRtp);
        Assert.Equal(["webrtc-datachannel"], application.Formats);
        Assert.Empty(application.PayloadTypes);
        Assert.Equal([new SdpAttribute("sctp-port", "5000"), new SdpAttribute("max-message-size", "262144")], application.OtherAttributes);
    }

    [Fact]
    public void ParseReadsAFirefoxOffer()
    {
        var offer = SessionDescription.Parse(SdpTestData.FirefoxOffer);

        Assert.Equal("mozilla...THIS_IS_SDPARTA-99.0", offer.Origin.UserName);
        Assert.Equal("7012693620139539385", offer.Origin.SessionId);
        Assert.Equal(0UL, offer.Origin.SessionVersion);
        var fingerprint = Assert.Single(offer.Fingerprints);
        Assert.Equal(SdpTestData.FingerprintBytes(SdpTestData.FirefoxFingerprint), fingerprint.Digest);
        Assert.Equal(["trickle"], offer.IceOptions);
        Assert.Equal(new SdpMsidSemantic("WMS", ["*"]).Identifiers, offer.MsidSemantic!.Identifiers);

        var audio = offer.Media[0];
        Assert.Equal([109, 9, 0, 8, 101], audio.PayloadTypes);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(audio.EndOfCandidates);
        Assert.Equal(
            [new SdpFmtpParameter("maxplaybackrate", "48000"), new SdpFmtpParameter("stereo", "1"), new SdpFmtpParameter("useinbandfec", "1")],
            audio.FindFmtpParameters(109));
        Assert.Equal([new SdpFmtpParameter("0-15", null)], audio.FindFmtpParameters(101));
        Assert.Equal(new SdpRtpMap(9, "G722", 8000, 1), audio.FindRtpMap(9));
        Assert.Equal(new SdpExtmap(2, SdpDirection.RecvOnly, "urn:ietf:params:rtp-hdrext:csrc-audio-level"), audio.Extmaps[1]);
        Assert.Equal(new SdpSsrc(2845190376, "cname", "{5e3c1a2b-7d9f-4a6e-b8c0-1f2e3d4c5b6a}"), Assert.Single(audio.Ssrcs));
        Assert.Equal("8f3e2a1d", audio.IceUfrag);
        Assert.Null(audio.Fingerprints.FirstOrDefault());

        var srflx = audio.Candidates[2];
        Assert.Equal("srflx", srflx.Type);
        Assert.Equal("203.0.113.47", srflx.Address);
        Assert.Equal("0.0.0.0", srflx.RelatedAddress);
        Assert.Equal(0, srflx.RelatedPort);
        Assert.Null(srflx.Generation);

        var video = offer.Media[1];
        Assert.Equal(new SdpExtmap(6, SdpDirection.RecvOnly, "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"), video.Extmaps[3]);
        Assert.Equal([1594703853u, 3905227150u], Assert.Single(video.SsrcGroups).Ssrcs);
    }

    [Theory]
    [InlineData(nameof(SdpTestData.ChromeOffer))]
    [InlineData(nameof(SdpTestData.FirefoxOffer))]
    public void ToStringThenParseGivesTheSameModel(string offerName)
    {
        string text = offerName == nameof(SdpTestData.ChromeOffer) ? SdpTestData.ChromeOffer : SdpTestData.FirefoxOffer;
        var first = SessionDescription.Parse(text);

        string written = first.ToString();
        var second = SessionDescription.Parse(written);

        Assert.Equivalent(first, second, strict: true);
        Assert.Equal(written, second.ToString());
    }

    [Fact]
    public void ToStringKeepsChromesGroupingAndUsesCrlf()
    {
        string written = SessionDescription.Parse(SdpTestData.ChromeOffer).ToString();

        Assert.EndsWith("\r\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", written.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", written, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n", written, StringComparison.Ordinal);
        Assert.Contains("a=candidate:4233069003 1 tcp 1518280447 43435cc5-2eae-45cf-96d0-cc5fd4c28c2e.local 9 typ host tcptype active generation 0 network-id 1 network-cost 10\r\n", written, StringComparison.Ordinal);
        Assert.Contains("a=msid-semantic:WMS 7c26847f-0316-409e-bbbb-e9eaa8948c89\r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void CrlfAndLfLineEndsParseTheSame()
    {
        var lf = SessionDescription.Parse(SdpTestData.ChromeOffer);
        var crlf = SessionDescription.Parse(SdpTestData.ChromeOfferCrlf);

        Assert.Equivalent(lf, crlf, strict: true);
    }

    [Fact]
    public void ParseAcceptsAMissingFinalLineEnd()
    {
        var description = SessionDescription.Parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0");

        Assert.Single(description.Timings);
        Assert.Empty(description.Media);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("o=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n", 1, "first line to be 'v='")]
    [InlineData("v=1\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n", 1, "unsupported SDP version")]
    [InlineData("v=0\ns=-\no=- 1 1 IN IP4 0.0.0.0\nt=0 0\n", 2, "second line to be 'o='")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\nt=0 0\ns=-\n", 3, "third line to be 's='")]
    [InlineData("v=0\no=- 1 1 IN IP4\ns=-\nt=0 0\n", 2, "o= needs 6 fields")]
    [InlineData("v=0\no=- abc 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n", 2, "session id 'abc' is not a number")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\na=ice-lite\nt=0 0\n", 4, "missing t= line")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nc=IN IP4 0.0.0.0\n", 5, "out of order")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nm=audio 9 UDP/TLS/RTP/SAVPF 111\n", 4, "missing t= line")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\n", 3, "missing t= line")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio nine UDP/TLS/RTP/SAVPF 111\n", 5, "m= port 'nine' is not a number")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 70000 UDP/TLS/RTP/SAVPF 111\n", 5, "out of range 0-65535")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF opus\n", 5, "m= payload type 'opus' is not a number")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 128\n", 5, "out of range 0-127")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF\n", 5, "at least one format")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtpmap:111 opus\n", 6, "a=rtpmap encoding 'opus'")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtpmap:x opus/48000/2\n", 6, "a=rtpmap payload type 'x'")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=fmtp:1x1 minptime=10\n", 6, "a=fmtp payload type")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\nt=0 0\n", 6, "not allowed inside a media section")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\n\na=mid:0\n", 6, "empty line")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\nmid:0\n", 6, "expected '<type>=<value>'")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nx=unknown\n", 5, "unknown line type 'x='")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=sendonly\na=recvonly\n", 7, "more than one direction")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=mid:1\n", 7, "duplicate a=mid")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:server\n", 6, "a=setup:server is not")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 AB:CD:EFG\n", 6, "hex pairs")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=candidate:1 1 udp 2122260223 10.0.0.1 5000 host\n", 6, "at least 8 fields")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=candidate:1 1 udp 2122260223 10.0.0.1 5000 type host\n", 6, "expected 'typ'")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host generation\n", 6, "has no value")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=candidate:1 1 udp 99999999999 10.0.0.1 5000 typ host\n", 6, "candidate priority")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=extmap:0 urn:x\n", 6, "a=extmap id '0' is out of range")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=extmap:1/sideways urn:x\n", 6, "a=extmap direction")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=ssrc:12ab cname:x\n", 6, "a=ssrc id '12ab'")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=ssrc-group:FID\n", 6, "a=ssrc-group needs")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=ice-ufrag:ab cd\n", 6, "a=ice-ufrag contains ' '")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtcp-mux:yes\n", 6, "a=rtcp-mux takes no value")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtcp-fb:111\n", 6, "a=rtcp-fb needs")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=:x\n", 6, "attribute without a name")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\u0000\n", 6, "control character U+0000")]
    [InlineData("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\na=group\n", 5, "a=group needs a value")]
    public void ParseThrowsWithTheLineNumberAndReason(string sdp, int lineNumber, string reason)
    {
        var exception = Assert.Throws<SdpParseException>(() => SessionDescription.Parse(sdp));

        Assert.Equal(lineNumber, exception.LineNumber);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"SDP line {lineNumber}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseReportsTheLineNumberOfABadLineInsideARealOffer()
    {
        string broken = SdpTestData.ChromeOffer.Replace("a=rtpmap:98 VP9/90000", "a=rtpmap:98 VP9/ninety", StringComparison.Ordinal);
        int expectedLine = Array.FindIndex(broken.Split('\n'), l => l.StartsWith("a=rtpmap:98 ", StringComparison.Ordinal)) + 1;

        var exception = Assert.Throws<SdpParseException>(() => SessionDescription.Parse(broken.ReplaceLineEndings("\r\n")));

        Assert.Equal(expectedLine, exception.LineNumber);
        Assert.Contains("clock rate 'ninety'", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseReturnsFalseAndTheErrorForMalformedInput()
    {
        bool parsed = SessionDescription.TryParse("v=0\nbad", out var description, out var error);

        Assert.False(parsed);
        Assert.Null(description);
        Assert.Equal(2, error!.LineNumber);
        Assert.False(SessionDescription.TryParse(null, out _));
        Assert.True(SessionDescription.TryParse(SdpTestData.FirefoxOffer, out var firefox));
        Assert.Equal(3, firefox!.Media.Count);
    }

    [Fact]
    public void FingerprintsCompareByHashFunctionAndBytes()
    {
        var a = new SdpFingerprint("sha-256", SdpTestData.FingerprintBytes(SdpTestData.ChromeFingerprint));
        var b = new SdpFingerprint("SHA-256", SdpTestData.FingerprintBytes(SdpTestData.ChromeFingerprint));
        var c = new SdpFingerprint("sha-256", SdpTestData.FingerprintBytes(SdpTestData.FirefoxFingerprint));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal("sha-256 " + SdpTestData.ChromeFingerprint, a.ToString());
    }
}
