using System.Globalization;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// One m= section (RFC 8866 §5.14) with the WebRTC attributes (RFC 8829 §5) as typed properties;
/// every other attribute is kept verbatim, in order.
/// </summary>
public sealed class MediaDescription
{
    /// <summary>The media type as written: "audio", "video", "application", ...</summary>
    public string MediaType { get; set; } = "audio";

    /// <summary>The media type as an enum.</summary>
    public SdpMediaKind Kind => MediaType switch
    {
        "audio" => SdpMediaKind.Audio,
        "video" => SdpMediaKind.Video,
        "application" => SdpMediaKind.Application,
        _ => SdpMediaKind.Other,
    };

    /// <summary>The port; 0 marks a rejected (or bundle-only) section.</summary>
    public int Port { get; set; } = 9;

    /// <summary>The optional "/count" after the port.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. "UDP/TLS/RTP/SAVPF" or "UDP/DTLS/SCTP".</summary>
    public string Protocol { get; set; } = "UDP/TLS/RTP/SAVPF";

    /// <summary>The format list as written (payload types for RTP, "webrtc-datachannel" for SCTP).</summary>
    public List<string> Formats { get; } = [];

    /// <summary>True when the protocol carries RTP (its formats are payload types).</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The formats as payload types, in m= line order (non-numeric formats are skipped).</summary>
    public IReadOnlyList<int> PayloadTypes
    {
        get
        {
            var payloadTypes = new List<int>(Formats.Count);
            foreach (string format in Formats)
            {
                if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int payloadType))
                {
                    payloadTypes.Add(payloadType);
                }
            }

            return payloadTypes;
        }
    }

    /// <summary>The i= line, if any.</summary>
    public string? Title { get; set; }

    /// <summary>The c= lines.</summary>
    public List<SdpConnection> Connections { get; } = [];

    /// <summary>The b= lines, verbatim (e.g. "AS:2000", "TIAS:64000").</summary>
    public List<string> Bandwidths { get; } = [];

    /// <summary>The k= line, verbatim, if any.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>a=mid (RFC 5888 §4).</summary>
    public string? Mid { get; set; }

    /// <summary>The direction attribute, or null when absent (which means sendrecv).</summary>
    public SdpDirection? Direction { get; set; }

    /// <summary>The direction in effect: <see cref="Direction"/> or sendrecv.</summary>
    public SdpDirection EffectiveDirection => Direction ?? SdpDirection.SendRecv;

    /// <summary>a=rtcp-mux (RFC 5761).</summary>
    public bool RtcpMux { get; set; }

    /// <summary>a=rtcp-rsize (RFC 5506).</summary>
    public bool RtcpReducedSize { get; set; }

    /// <summary>Media-level a=ice-ufrag, if any.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Media-level a=ice-pwd, if any.</summary>
    public string? IcePassword { get; set; }

    /// <summary>Media-level a=ice-options tokens.</summary>
    public List<string> IceOptions { get; } = [];

    /// <summary>Media-level a=fingerprint lines.</summary>
    public List<SdpFingerprint> Fingerprints { get; } = [];

    /// <summary>Media-level a=setup, if any.</summary>
    public SdpSetupRole? Setup { get; set; }

    /// <summary>a=candidate lines, in order.</summary>
    public List<SdpCandidate> Candidates { get; } = [];

    /// <summary>a=end-of-candidates (RFC 8840 §8.2).</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>a=rtpmap lines, in order.</summary>
    public List<SdpRtpMap> RtpMaps { get; } = [];

    /// <summary>a=fmtp lines, in order.</summary>
    public List<SdpFmtp> Fmtps { get; } = [];

    /// <summary>a=rtcp-fb lines, in order.</summary>
    public List<SdpRtcpFeedback> RtcpFeedbacks { get; } = [];

    /// <summary>a=extmap lines, in order.</summary>
    public List<SdpExtmap> Extmaps { get; } = [];

    /// <summary>Media-level a=extmap-allow-mixed.</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>a=msid lines (RFC 8830), in order.</summary>
    public List<SdpMsid> Msids { get; } = [];

    /// <summary>a=ssrc lines, in order.</summary>
    public List<SdpSsrc> Ssrcs { get; } = [];

    /// <summary>a=ssrc-group lines, in order.</summary>
    public List<SdpSsrcGroup> SsrcGroups { get; } = [];

    /// <summary>Every other attribute (rtcp, sctp-port, rid, simulcast, ...), verbatim, in order.</summary>
    public List<SdpAttribute> OtherAttributes { get; } = [];

    /// <summary>The rtpmap for <paramref name="payloadType"/>, or null.</summary>
    public SdpRtpMap? FindRtpMap(int payloadType)
    {
        foreach (var rtpMap in RtpMaps)
        {
            if (rtpMap.PayloadType == payloadType)
            {
                return rtpMap;
            }
        }

        return null;
    }

    /// <summary>The fmtp parameters for <paramref name="payloadType"/> (empty when there is no a=fmtp).</summary>
    public IReadOnlyList<SdpFmtpParameter> FindFmtpParameters(int payloadType)
    {
        foreach (var fmtp in Fmtps)
        {
            if (fmtp.PayloadType == payloadType)
            {
                return fmtp.Parameters;
            }
        }

        return [];
    }

    /// <summary>The rtcp-fb lines that apply to <paramref name="payloadType"/>, including "*" ones.</summary>
    public IReadOnlyList<SdpRtcpFeedback> FindRtcpFeedbacks(int payloadType)
    {
        var feedbacks = new List<SdpRtcpFeedback>();
        foreach (var feedback in RtcpFeedbacks)
        {
            if (feedback.PayloadType is null || feedback.PayloadType == payloadType)
            {
                feedbacks.Add(feedback);
            }
        }

        return feedbacks;
    }

    /// <summary>The first verbatim attribute named <paramref name="name"/>, or null.</summary>
    public SdpAttribute? FindOtherAttribute(string name)
    {
        foreach (var attribute in OtherAttributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute;
            }
        }

        return null;
    }
}
