namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Answers a browser's offer (RFC 8829 §5.3) as an ICE-lite, DTLS-SRTP, BUNDLE + rtcp-mux only server:
/// keeps the offer's payload types, extension ids, m= order and mids, rejects what it cannot serve with
/// port 0, and returns the answer with what the media layer needs.
/// </summary>
public static partial class SdpAnswerer
{
    /// <summary>Parses <paramref name="offerSdp"/> and answers it.</summary>
    /// <exception cref="SdpParseException">The offer is not well-formed SDP.</exception>
    /// <exception cref="SdpNegotiationException">The offer lacks something this server needs; the message names it.</exception>
    public static NegotiatedSession CreateAnswer(string offerSdp, SdpAnswerOptions options) =>
        CreateAnswer(SessionDescription.Parse(offerSdp), options);

    /// <summary>Answers <paramref name="offer"/>.</summary>
    /// <exception cref="SdpNegotiationException">The offer lacks something this server needs; the message names it.</exception>
    public static NegotiatedSession CreateAnswer(SessionDescription offer, SdpAnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(options);
        SdpNegotiation.ValidateLocalTransport(options.IceUfrag, options.IcePassword, options.Fingerprint);

        SdpNegotiation.RequireUniqueMids(offer, "offer");
        var bundle = offer.BundleGroup
            ?? throw new SdpNegotiationException("The offer has no a=group:BUNDLE: this server serves all media on one bundled transport (RFC 8843).");

        var plans = new List<MediaPlan>(offer.Media.Count);
        for (int index = 0; index < offer.Media.Count; index++)
        {
            plans.Add(Plan(offer.Media[index], index, bundle, options));
        }

        RequireAcceptedMedia(plans, options);

        // RFC 8843 §7.3.1: the offerer-tagged section is the first mid of the group; skip ones we reject.
        var acceptedMids = new List<string>();
        foreach (string mid in bundle.Mids)
        {
            var plan = plans.Find(p => p.IsAccepted && p.Offered.Mid == mid);
            if (plan is not null && !acceptedMids.Contains(mid))
            {
                acceptedMids.Add(mid);
            }
        }

        var tagged = offer.FindMedia(acceptedMids[0])!;
        var remote = SdpNegotiation.ReadTransport(offer, tagged, "offer");
        var localSetup = remote.Setup switch
        {
            // RFC 5763 §5: the answerer to actpass picks; we are the DTLS server. To passive we must be active.
            SdpSetupRole.Passive => SdpSetupRole.Active,
            SdpSetupRole.HoldConn => throw new SdpNegotiationException("The offer has a=setup:holdconn: it does not want a DTLS connection."),
            _ => SdpSetupRole.Passive,
        };

        var answer = BuildAnswer(offer, options, plans, acceptedMids, localSetup);
        var media = new List<NegotiatedMedia>(plans.Count);
        foreach (var plan in plans)
        {
            media.Add(plan.ToNegotiated());
        }

        return new NegotiatedSession
        {
            LocalDescription = answer,
            LocalSdp = answer.ToString(),
            RemoteDescription = offer,
            LocalIceUfrag = options.IceUfrag,
            LocalIcePassword = options.IcePassword,
            RemoteIceUfrag = remote.IceUfrag,
            RemoteIcePassword = remote.IcePassword,
            RemoteFingerprint = remote.Fingerprint,
            RemoteSetup = remote.Setup,
            LocalSetup = localSetup,
            BundleMids = acceptedMids,
            Media = media,
            ExtmapAllowMixed = answer.ExtmapAllowMixed,
        };
    }

    private static void RequireAcceptedMedia(List<MediaPlan> plans, SdpAnswerOptions options)
    {
        bool anyAccepted = false;
        bool audioAccepted = false;
        foreach (var plan in plans)
        {
            anyAccepted |= plan.IsAccepted;
            audioAccepted |= plan.IsAccepted && plan.Offered.Kind == SdpMediaKind.Audio;
        }

        if ((options.RequireAudio && !audioAccepted) || !anyAccepted)
        {
            var reasons = new List<string>();
            foreach (var plan in plans)
            {
                if (!plan.IsAccepted)
                {
                    reasons.Add($"m-line {plan.Index} ({plan.Offered.MediaType}, mid {plan.Offered.Mid}): {plan.RejectionReason}");
                }
            }

            string wanted = options.RequireAudio
                ? $"no audio m-line with {FormatCodecs(options.AudioCodecs)}"
                : "no m-line this server can serve";
            string details = reasons.Count == 0 ? "the offer has no m-lines" : string.Join("; ", reasons);
            throw new SdpNegotiationException($"The offer has {wanted} ({details}).");
        }
    }

    private static MediaPlan Plan(MediaDescription offered, int index, SdpGroup bundle, SdpAnswerOptions options)
    {
        var plan = new MediaPlan(offered, index);
        if (offered.Port == 0 && !SdpNegotiation.IsBundleOnly(offered))
        {
            return plan.Reject("rejected in the offer (port 0)");
        }

        if (offered.Mid is null)
        {
            return plan.Reject("no a=mid");
        }

        if (!bundle.Mids.Contains(offered.Mid))
        {
            return plan.Reject("not in the BUNDLE group");
        }

        if (offered.Kind == SdpMediaKind.Application)
        {
            return plan.Reject("data channels are not supported");
        }

        if (offered.Kind is not (SdpMediaKind.Audio or SdpMediaKind.Video))
        {
            return plan.Reject($"media type {offered.MediaType} is not supported");
        }

        var capabilities = offered.Kind == SdpMediaKind.Audio ? options.AudioCodecs : options.VideoCodecs;
        if (capabilities.Count == 0)
        {
            return plan.Reject($"{offered.MediaType} is not accepted by this server");
        }

        SdpNegotiation.RequireRtpTransport(offered, index, "offer");

        ChooseCodecs(plan, capabilities, options.RtcpFeedback);
        if (plan.Codecs.Count == 0)
        {
            return plan.Reject($"none of the offered codecs ({FormatOfferedCodecs(offered)}) is one of {FormatCodecs(capabilities)}");
        }

        foreach (var extmap in offered.Extmaps)
        {
            if (Contains(options.HeaderExtensions, extmap.Uri) && !plan.Extmaps.Exists(e => e.Id == extmap.Id))
            {
                // RFC 8285 §7: an extension offered sendonly is answered recvonly and vice versa.
                plan.Extmaps.Add(new SdpExtmap(extmap.Id, extmap.Direction?.Reverse(), extmap.Uri));
            }
        }

        var local = options.MediaByMid.TryGetValue(offered.Mid, out var byMid)
            ? byMid
            : offered.Kind == SdpMediaKind.Audio ? options.Audio : options.Video;
        plan.Direction = SdpDirections.Answer(offered.EffectiveDirection, local.Direction);
        plan.LocalStream = plan.Direction.Sends() ? local.SendStream : null;
        return plan;
    }

    private static bool Contains(IReadOnlyList<string> uris, string uri)
    {
        foreach (string candidate in uris)
        {
            if (string.Equals(candidate, uri, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string FormatCodecs(IReadOnlyList<SdpCodecCapability> capabilities)
    {
        var names = new List<string>(capabilities.Count);
        foreach (var capability in capabilities)
        {
            names.Add(capability.ToString());
        }

        return names.Count == 0 ? "no codec" : string.Join(" or ", names);
    }

    private static string FormatOfferedCodecs(MediaDescription offered)
    {
        var names = new List<string>();
        foreach (var rtpMap in offered.RtpMaps)
        {
            string name = rtpMap.Channels is { } channels
                ? $"{rtpMap.EncodingName}/{rtpMap.ClockRate}/{channels}"
                : $"{rtpMap.EncodingName}/{rtpMap.ClockRate}";
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? "no rtpmap" : string.Join(", ", names);
    }
}
