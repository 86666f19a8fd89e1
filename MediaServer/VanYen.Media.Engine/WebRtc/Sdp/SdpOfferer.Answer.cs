namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Validation of the browser's answer to our offer (RFC 3264 §6, RFC 8829 §5.3).</summary>
public static partial class SdpOfferer
{
    /// <summary>Parses <paramref name="answerSdp"/> and checks it against <paramref name="offer"/>.</summary>
    /// <exception cref="SdpParseException">The answer is not well-formed SDP.</exception>
    /// <exception cref="SdpNegotiationException">The answer does not fit the offer; the message says how.</exception>
    public static NegotiatedSession AcceptAnswer(SessionDescription offer, string answerSdp) =>
        AcceptAnswer(offer, SessionDescription.Parse(answerSdp));

    /// <summary>Checks <paramref name="answer"/> against our <paramref name="offer"/> and returns what was agreed.</summary>
    /// <exception cref="SdpNegotiationException">The answer does not fit the offer; the message says how.</exception>
    public static NegotiatedSession AcceptAnswer(SessionDescription offer, SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Media.Count != offer.Media.Count)
        {
            throw new SdpNegotiationException($"The answer has {answer.Media.Count} m-lines; the offer had {offer.Media.Count} (RFC 3264 §6).");
        }

        SdpNegotiation.RequireUniqueMids(offer, "offer");
        SdpNegotiation.RequireUniqueMids(answer, "answer");
        var media = new List<NegotiatedMedia>(offer.Media.Count);
        var acceptedMids = new List<string>();
        for (int index = 0; index < offer.Media.Count; index++)
        {
            var negotiated = AcceptSection(offer.Media[index], answer.Media[index], index);
            media.Add(negotiated);
            if (negotiated.Accepted)
            {
                acceptedMids.Add(negotiated.Mid!);
            }
        }

        if (acceptedMids.Count == 0)
        {
            throw new SdpNegotiationException("The answer rejected every m-line.");
        }

        var bundle = answer.BundleGroup
            ?? throw new SdpNegotiationException("The answer has no a=group:BUNDLE: every accepted m-line must share one transport (RFC 8843).");
        var bundleMids = new List<string>();
        foreach (string mid in bundle.Mids)
        {
            if (acceptedMids.Contains(mid) && !bundleMids.Contains(mid))
            {
                bundleMids.Add(mid);
            }
        }

        foreach (string mid in acceptedMids)
        {
            if (!bundleMids.Contains(mid))
            {
                throw new SdpNegotiationException($"The answer accepts mid {mid} but leaves it out of its BUNDLE group.");
            }
        }

        // The answer may leave a=mid out; sections are matched by position (RFC 3264 §6).
        int taggedIndex = media.Find(m => m.Mid == bundleMids[0])!.Index;
        var remote = SdpNegotiation.ReadTransport(answer, answer.Media[taggedIndex], "answer");
        var localSetup = remote.Setup switch
        {
            SdpSetupRole.Active => SdpSetupRole.Passive,
            SdpSetupRole.Passive => SdpSetupRole.Active,
            _ => throw new SdpNegotiationException(
                $"The answer's a=setup must be active or passive (RFC 5763 §5), found {(remote.Setup is { } setup ? SdpWriter.Format(setup) : "none")}."),
        };

        var ourTagged = offer.Media[taggedIndex];
        string localUfrag = ourTagged.IceUfrag ?? offer.IceUfrag
            ?? throw new SdpNegotiationException("Our offer has no a=ice-ufrag.");
        string localPassword = ourTagged.IcePassword ?? offer.IcePassword
            ?? throw new SdpNegotiationException("Our offer has no a=ice-pwd.");

        return new NegotiatedSession
        {
            LocalDescription = offer,
            LocalSdp = offer.ToString(),
            RemoteDescription = answer,
            LocalIceUfrag = localUfrag,
            LocalIcePassword = localPassword,
            RemoteIceUfrag = remote.IceUfrag,
            RemoteIcePassword = remote.IcePassword,
            RemoteFingerprint = remote.Fingerprint,
            RemoteSetup = remote.Setup,
            LocalSetup = localSetup,
            BundleMids = bundleMids,
            Media = media,
            ExtmapAllowMixed = offer.ExtmapAllowMixed && answer.ExtmapAllowMixed,
        };
    }

    private static NegotiatedMedia AcceptSection(MediaDescription offered, MediaDescription answered, int index)
    {
        if (!string.Equals(offered.MediaType, answered.MediaType, StringComparison.Ordinal))
        {
            throw new SdpNegotiationException($"The answer's m-line {index} is {answered.MediaType}; the offer's was {offered.MediaType}.");
        }

        if (answered.Mid is not null && !string.Equals(answered.Mid, offered.Mid, StringComparison.Ordinal))
        {
            throw new SdpNegotiationException($"The answer's m-line {index} has mid {answered.Mid}; the offer's had mid {offered.Mid}.");
        }

        if (answered.Port == 0 && !SdpNegotiation.IsBundleOnly(answered))
        {
            return new NegotiatedMedia
            {
                Index = index,
                Mid = offered.Mid,
                Kind = offered.Kind,
                Accepted = false,
                RejectionReason = "rejected by the answer (port 0)",
            };
        }

        if (offered.Mid is null)
        {
            throw new SdpNegotiationException($"The offer's m-line {index} has no a=mid.");
        }

        SdpNegotiation.RequireRtpTransport(answered, index, "answer");
        if (!SdpDirections.IsAllowedAnswer(offered.EffectiveDirection, answered.EffectiveDirection))
        {
            throw new SdpNegotiationException(
                $"The answer's m-line {index} (mid {offered.Mid}) is {answered.EffectiveDirection.ToAttributeName()}, which does not fit the offered {offered.EffectiveDirection.ToAttributeName()} (RFC 3264 §6.1).");
        }

        var codecs = AcceptCodecs(offered, answered, index);
        var extensions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var extmap in answered.Extmaps)
        {
            var ours = offered.Extmaps.Find(e => e.Id == extmap.Id);
            if (ours is null || !string.Equals(ours.Uri, extmap.Uri, StringComparison.Ordinal))
            {
                throw new SdpNegotiationException($"The answer's m-line {index} (mid {offered.Mid}) uses extension id {extmap.Id} for {extmap.Uri}, which the offer did not have.");
            }

            extensions.TryAdd(extmap.Uri, extmap.Id);
        }

        var streams = SdpNegotiation.ReadStreams(answered);
        var answeredDirection = answered.EffectiveDirection;
        return new NegotiatedMedia
        {
            Index = index,
            Mid = offered.Mid,
            Kind = offered.Kind,
            Accepted = true,
            LocalDirection = answeredDirection.Reverse(),
            Codecs = codecs,
            HeaderExtensions = extensions,
            RemoteSsrcs = streams.Ssrcs,
            RemoteSsrcGroups = streams.Groups,
            RemoteMsids = streams.Msids,
            RemoteCName = streams.CName,
            LocalStream = answeredDirection.Receives() ? ReadOwnStream(offered) : null,
        };
    }

    private static List<NegotiatedCodec> AcceptCodecs(MediaDescription offered, MediaDescription answered, int index)
    {
        var primaries = new List<NegotiatedCodec>();
        var rtxByApt = new Dictionary<int, int>();
        foreach (int payloadType in answered.PayloadTypes)
        {
            var ours = offered.FindRtpMap(payloadType)
                ?? throw new SdpNegotiationException($"The answer's m-line {index} (mid {offered.Mid}) uses payload type {payloadType}, which the offer did not have.");
            var theirs = answered.FindRtpMap(payloadType);
            if (theirs is not null && (!theirs.IsEncoding(ours.EncodingName) || theirs.ClockRate != ours.ClockRate))
            {
                throw new SdpNegotiationException(
                    $"The answer's m-line {index} maps payload type {payloadType} to {theirs.EncodingName}/{theirs.ClockRate}; the offer mapped it to {ours.EncodingName}/{ours.ClockRate}.");
            }

            if (ours.IsEncoding("rtx"))
            {
                string? apt = SdpFmtp.FindValue(answered.FindFmtpParameters(payloadType), "apt")
                    ?? SdpFmtp.FindValue(offered.FindFmtpParameters(payloadType), "apt");
                if (int.TryParse(apt, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int associated))
                {
                    rtxByApt.TryAdd(associated, payloadType);
                }

                continue;
            }

            var feedback = new List<SdpRtcpFeedbackType>();
            foreach (var answeredFeedback in answered.FindRtcpFeedbacks(payloadType))
            {
                var kind = new SdpRtcpFeedbackType(answeredFeedback.Type, answeredFeedback.Subtype);
                if (offered.FindRtcpFeedbacks(payloadType).Any(kind.Matches) && !feedback.Contains(kind))
                {
                    feedback.Add(kind);
                }
            }

            primaries.Add(new NegotiatedCodec(payloadType, ours.EncodingName, ours.ClockRate, ours.Channels)
            {
                RemoteParameters = answered.FindFmtpParameters(payloadType),
                RtcpFeedback = feedback,
            });
        }

        if (primaries.Count == 0)
        {
            throw new SdpNegotiationException($"The answer accepts m-line {index} (mid {offered.Mid}) without any of the offered codecs.");
        }

        for (int i = 0; i < primaries.Count; i++)
        {
            if (rtxByApt.TryGetValue(primaries[i].PayloadType, out int rtx))
            {
                primaries[i] = primaries[i] with { RtxPayloadType = rtx };
            }
        }

        return primaries;
    }

    /// <summary>Our send stream as written in our offer (msid, first SSRC, CNAME, FID partner).</summary>
    private static SdpSendStream? ReadOwnStream(MediaDescription offered)
    {
        if (offered.Msids.Count == 0 || offered.Ssrcs.Count == 0)
        {
            return null;
        }

        var streams = SdpNegotiation.ReadStreams(offered);
        uint? rtxSsrc = null;
        foreach (var group in offered.SsrcGroups)
        {
            if (group.Semantics == SdpSsrcGroup.FlowIdentification && group.Ssrcs.Count == 2)
            {
                rtxSsrc = group.Ssrcs[1];
            }
        }

        var msid = offered.Msids[0];
        return new SdpSendStream(msid.StreamId, msid.TrackId ?? string.Empty, streams.Ssrcs[0], streams.CName ?? string.Empty) { RtxSsrc = rtxSsrc };
    }
}
