namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Codec matching for the answer: our preference order, the offer's payload type numbers.</summary>
public static partial class SdpAnswerer
{
    private const string RtxName = "rtx";

    /// <summary>
    /// Picks the offered payload types that match our capabilities, ordered by our preference and then by
    /// the offer's, with their RTX payload types and the RTCP feedback both sides support.
    /// </summary>
    private static void ChooseCodecs(MediaPlan plan, IReadOnlyList<SdpCodecCapability> capabilities, IReadOnlyList<SdpRtcpFeedbackType> feedbackTypes)
    {
        var offered = plan.Offered;
        var payloadTypes = offered.PayloadTypes;
        foreach (var capability in capabilities)
        {
            foreach (int payloadType in payloadTypes)
            {
                var rtpMap = offered.FindRtpMap(payloadType);
                if (rtpMap is null || rtpMap.IsEncoding(RtxName) || plan.Codecs.Exists(c => c.Codec.PayloadType == payloadType))
                {
                    continue;
                }

                var parameters = offered.FindFmtpParameters(payloadType);
                if (!capability.Matches(rtpMap, parameters))
                {
                    continue;
                }

                var rtx = capability.AcceptRtx ? FindRtx(offered, payloadTypes, rtpMap) : null;
                var codec = new NegotiatedCodec(payloadType, rtpMap.EncodingName, rtpMap.ClockRate, rtpMap.Channels)
                {
                    RemoteParameters = parameters,
                    RtcpFeedback = ChooseFeedback(offered, payloadType, feedbackTypes),
                    RtxPayloadType = rtx?.PayloadType,
                };
                plan.Codecs.Add(new CodecChoice(codec, rtpMap, capability.AnswerParameters ?? parameters, rtx));
            }
        }
    }

    private static SdpRtpMap? FindRtx(MediaDescription offered, IReadOnlyList<int> payloadTypes, SdpRtpMap primary)
    {
        string apt = primary.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (int payloadType in payloadTypes)
        {
            var rtpMap = offered.FindRtpMap(payloadType);
            if (rtpMap is not null && rtpMap.IsEncoding(RtxName) && rtpMap.ClockRate == primary.ClockRate
                && SdpFmtp.FindValue(offered.FindFmtpParameters(payloadType), "apt") == apt)
            {
                return rtpMap;
            }
        }

        return null;
    }

    private static List<SdpRtcpFeedbackType> ChooseFeedback(MediaDescription offered, int payloadType, IReadOnlyList<SdpRtcpFeedbackType> supported)
    {
        var chosen = new List<SdpRtcpFeedbackType>();
        foreach (var feedback in offered.FindRtcpFeedbacks(payloadType))
        {
            foreach (var kind in supported)
            {
                if (kind.Matches(feedback) && !chosen.Contains(kind))
                {
                    chosen.Add(kind);
                }
            }
        }

        return chosen;
    }

    /// <summary>One accepted payload type and what the answer writes for it.</summary>
    private sealed record CodecChoice(
        NegotiatedCodec Codec,
        SdpRtpMap OfferedRtpMap,
        IReadOnlyList<SdpFmtpParameter> AnswerParameters,
        SdpRtpMap? OfferedRtx);
}
