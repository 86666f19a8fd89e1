using System.Globalization;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Writes the answer description from the per-m-line plans (RFC 8829 §5.3.1).</summary>
public static partial class SdpAnswerer
{
    private static SessionDescription BuildAnswer(
        SessionDescription offer,
        SdpAnswerOptions options,
        List<MediaPlan> plans,
        List<string> acceptedMids,
        SdpSetupRole localSetup)
    {
        string sessionId = options.SessionId ?? SdpNegotiation.NewSessionId();
        if (sessionId.Length == 0 || !sessionId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The session id must be decimal digits.", nameof(options));
        }

        var answer = new SessionDescription
        {
            Origin = new SdpOrigin("-", sessionId, options.SessionVersion, "IN", "IP4", "127.0.0.1"),
            SessionName = "-",
            IceLite = true,
            MsidSemantic = new SdpMsidSemantic("WMS", ["*"]),
            ExtmapAllowMixed = offer.ExtmapAllowMixed && options.AcceptExtmapAllowMixed,
        };
        answer.Timings.Add(new SdpTiming());
        answer.Groups.Add(new SdpGroup(SdpGroup.Bundle, acceptedMids));

        var (connection, port) = SdpNegotiation.DefaultDestination(options.HostCandidates);
        var candidates = SdpNegotiation.HostCandidates(options.HostCandidates);
        foreach (var plan in plans)
        {
            if (!plan.IsAccepted)
            {
                answer.Media.Add(RejectedSection(plan.Offered));
                continue;
            }

            // Only the tagged section carries candidates: every bundled section shares its transport (RFC 8843 §7.3.1).
            bool tagged = plan.Offered.Mid == acceptedMids[0];
            answer.Media.Add(AcceptedSection(plan, options, connection, port, localSetup, tagged ? candidates : null));
        }

        return answer;
    }

    /// <summary>RFC 8829 §5.3.1: a rejected section keeps media and protocol, gets port 0 and keeps its mid.</summary>
    private static MediaDescription RejectedSection(MediaDescription offered)
    {
        var media = new MediaDescription
        {
            MediaType = offered.MediaType,
            Port = 0,
            Protocol = offered.Protocol,
            Mid = offered.Mid,
        };
        media.Formats.Add(offered.Formats.Count > 0 ? offered.Formats[0] : "0");
        media.Connections.Add(new SdpConnection("IN", "IP4", "0.0.0.0"));
        return media;
    }

    private static MediaDescription AcceptedSection(
        MediaPlan plan,
        SdpAnswerOptions options,
        SdpConnection connection,
        int port,
        SdpSetupRole localSetup,
        List<SdpCandidate>? candidates)
    {
        var media = new MediaDescription
        {
            MediaType = plan.Offered.MediaType,
            Port = port,
            Protocol = SdpNegotiation.RtpProtocol,
            Mid = plan.Offered.Mid,
            Direction = plan.Direction,
            RtcpMux = true,
            RtcpReducedSize = plan.Offered.RtcpReducedSize,
            IceUfrag = options.IceUfrag,
            IcePassword = options.IcePassword,
            Setup = localSetup,
        };
        media.Connections.Add(connection);
        media.Fingerprints.Add(options.Fingerprint);
        media.Extmaps.AddRange(plan.Extmaps);

        bool anyRtx = false;
        foreach (var choice in plan.Codecs)
        {
            var codec = choice.Codec;
            media.Formats.Add(codec.PayloadType.ToString(CultureInfo.InvariantCulture));
            media.RtpMaps.Add(choice.OfferedRtpMap);
            foreach (var feedback in codec.RtcpFeedback)
            {
                media.RtcpFeedbacks.Add(new SdpRtcpFeedback(codec.PayloadType, feedback.Type, feedback.Subtype));
            }

            if (choice.AnswerParameters.Count > 0)
            {
                media.Fmtps.Add(new SdpFmtp(codec.PayloadType, choice.AnswerParameters));
            }

            if (choice.OfferedRtx is { } rtx)
            {
                anyRtx = true;
                media.Formats.Add(rtx.PayloadType.ToString(CultureInfo.InvariantCulture));
                media.RtpMaps.Add(rtx);
                media.Fmtps.Add(new SdpFmtp(rtx.PayloadType, plan.Offered.FindFmtpParameters(rtx.PayloadType)));
            }
        }

        if (plan.LocalStream is { } stream)
        {
            AddSendStream(media, stream, anyRtx);
        }

        if (candidates is not null)
        {
            media.Candidates.AddRange(candidates);
            // ICE-lite: every candidate is known up front (RFC 8840 §8.2).
            media.EndOfCandidates = true;
        }

        return media;
    }

    internal static void AddSendStream(MediaDescription media, SdpSendStream stream, bool withRtx)
    {
        media.Msids.Add(new SdpMsid(stream.StreamId, stream.TrackId));
        var ssrcs = new List<uint> { stream.Ssrc };
        if (withRtx && stream.RtxSsrc is { } rtxSsrc)
        {
            ssrcs.Add(rtxSsrc);
            media.SsrcGroups.Add(new SdpSsrcGroup(SdpSsrcGroup.FlowIdentification, [stream.Ssrc, rtxSsrc]));
        }

        foreach (uint ssrc in ssrcs)
        {
            media.Ssrcs.Add(new SdpSsrc(ssrc, "cname", stream.CName));
            media.Ssrcs.Add(new SdpSsrc(ssrc, "msid", stream.StreamId + " " + stream.TrackId));
        }
    }
}
