using System.Net;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Forwarding;

public sealed class PayloadTypeMappingTests
{
    private static readonly DtlsCertificate s_certificate = DtlsCertificate.Create();

    [Fact]
    public async Task Vp8AndH264MapBetweenTwoNegotiationsWithDifferentNumbers()
    {
        NegotiatedSession chrome = await NegotiateAsync(96, 102);
        NegotiatedSession other = await NegotiateAsync(120, 126);
        NegotiatedMedia publisher = chrome.FindMedia(ForwardingLayout.OwnVideoMid)!;
        NegotiatedMedia subscriber = other.FindMedia(ForwardingLayout.SlotVideoMid(1))!;

        NegotiatedCodec vp8 = PayloadTypeMapping.FindCounterpart(publisher.FindCodec("VP8")!, subscriber)!;
        NegotiatedCodec h264 = PayloadTypeMapping.FindCounterpart(publisher.FindCodec("H264")!, subscriber)!;

        Assert.Equal(96, publisher.FindCodec("VP8")!.PayloadType);
        Assert.Equal((120, 121), (vp8.PayloadType, vp8.RtxPayloadType));
        Assert.Equal((126, 127), (h264.PayloadType, h264.RtxPayloadType));
    }

    [Fact]
    public async Task ACodecTheSubscriberDidNotNegotiateHasNoCounterpart()
    {
        NegotiatedSession session = await NegotiateAsync(96, 102);
        NegotiatedMedia subscriber = session.FindMedia(ForwardingLayout.SlotVideoMid(0))!;
        Assert.Null(PayloadTypeMapping.FindCounterpart(new NegotiatedCodec(98, "VP9", 90000, null), subscriber));
        Assert.Null(PayloadTypeMapping.FindCounterpart(new NegotiatedCodec(96, "VP8", 48000, null), subscriber));
    }

    private static async Task<NegotiatedSession> NegotiateAsync(byte vp8, byte h264)
    {
        await using var client = new BrowserLikePeer { Vp8PayloadType = vp8, H264PayloadType = h264 };
        ForwardingSsrcs[] ssrcs = [new(1, 2, 3), new(4, 5, 6), new(7, 8, 9)];
        var request = ForwardingRoom.CreateSessionRequest("s", client.CreateCallOffer(), ssrcs);
        return SdpAnswerer.CreateAnswer(request.OfferSdp, new SdpAnswerOptions
        {
            IceUfrag = "abcd",
            IcePassword = "abcdefghijklmnopqrstuvwx",
            Fingerprint = SdpFingerprint.Sha256OfCertificate(s_certificate.RawData),
            HostCandidates = [new IPEndPoint(IPAddress.Loopback, 10000)],
            AudioCodecs = request.AudioCodecs,
            VideoCodecs = request.VideoCodecs,
            HeaderExtensions = request.HeaderExtensions,
            RtcpFeedback = request.RtcpFeedback!,
            MediaByMid = request.MediaByMid,
        });
    }
}
