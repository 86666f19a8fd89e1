using System.Globalization;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Creates server-initiated offers (receive-only subscriptions, renegotiation) as an ICE-lite endpoint
/// with a=setup:actpass (RFC 8829 §5.2), and validates the browser's answer to them.
/// </summary>
public static partial class SdpOfferer
{
    /// <summary>Builds an offer from <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent (duplicate mids, payload types or extension ids, ...).</exception>
    public static SessionDescription CreateOffer(SdpOfferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SdpNegotiation.ValidateLocalTransport(options.IceUfrag, options.IcePassword, options.Fingerprint);
        ValidateMedia(options.Media);
        string sessionId = options.SessionId ?? SdpNegotiation.NewSessionId();
        if (sessionId.Length == 0 || !sessionId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The session id must be decimal digits.", nameof(options));
        }

        var offer = new SessionDescription
        {
            Origin = new SdpOrigin("-", sessionId, options.SessionVersion, "IN", "IP4", "127.0.0.1"),
            SessionName = "-",
            IceLite = true,
            MsidSemantic = new SdpMsidSemantic("WMS", ["*"]),
        };
        offer.Timings.Add(new SdpTiming());
        var mids = new List<string>(options.Media.Count);
        foreach (var media in options.Media)
        {
            mids.Add(media.Mid);
        }

        offer.Groups.Add(new SdpGroup(SdpGroup.Bundle, mids));

        var (connection, port) = SdpNegotiation.DefaultDestination(options.HostCandidates);
        var candidates = SdpNegotiation.HostCandidates(options.HostCandidates);
        for (int index = 0; index < options.Media.Count; index++)
        {
            var section = BuildSection(options, options.Media[index], connection, port);
            if (index == 0)
            {
                section.Candidates.AddRange(candidates);
                section.EndOfCandidates = true;
            }

            offer.Media.Add(section);
        }

        return offer;
    }

    private static MediaDescription BuildSection(SdpOfferOptions options, SdpOfferMedia offered, SdpConnection connection, int port)
    {
        var media = new MediaDescription
        {
            MediaType = offered.Kind == SdpMediaKind.Audio ? "audio" : "video",
            Port = port,
            Protocol = SdpNegotiation.RtpProtocol,
            Mid = offered.Mid,
            Direction = offered.Direction,
            RtcpMux = true,
            RtcpReducedSize = true,
            IceUfrag = options.IceUfrag,
            IcePassword = options.IcePassword,
            Setup = SdpSetupRole.ActPass,
        };
        media.Connections.Add(connection);
        media.Fingerprints.Add(options.Fingerprint);
        media.Extmaps.AddRange(offered.HeaderExtensions);

        bool anyRtx = false;
        foreach (var codec in offered.Codecs)
        {
            media.Formats.Add(codec.PayloadType.ToString(CultureInfo.InvariantCulture));
            media.RtpMaps.Add(new SdpRtpMap(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels));
            foreach (var feedback in codec.RtcpFeedback)
            {
                media.RtcpFeedbacks.Add(new SdpRtcpFeedback(codec.PayloadType, feedback.Type, feedback.Subtype));
            }

            if (codec.Parameters.Count > 0)
            {
                media.Fmtps.Add(new SdpFmtp(codec.PayloadType, codec.Parameters));
            }

            if (codec.RtxPayloadType is { } rtx)
            {
                anyRtx = true;
                media.Formats.Add(rtx.ToString(CultureInfo.InvariantCulture));
                media.RtpMaps.Add(new SdpRtpMap(rtx, "rtx", codec.ClockRate));
                media.Fmtps.Add(new SdpFmtp(rtx, [new SdpFmtpParameter("apt", codec.PayloadType.ToString(CultureInfo.InvariantCulture))]));
            }
        }

        if (offered.SendStream is { } stream && offered.Direction.Sends())
        {
            SdpAnswerer.AddSendStream(media, stream, anyRtx);
        }

        return media;
    }

    private static void ValidateMedia(IReadOnlyList<SdpOfferMedia> sections)
    {
        if (sections is null || sections.Count == 0)
        {
            throw new ArgumentException("An offer needs at least one m-line.", nameof(sections));
        }

        var mids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (section.Kind is not (SdpMediaKind.Audio or SdpMediaKind.Video))
            {
                throw new ArgumentException($"Only audio and video m-lines can be offered, not {section.Kind}.", nameof(sections));
            }

            if (string.IsNullOrEmpty(section.Mid) || section.Mid.Any(char.IsWhiteSpace) || !mids.Add(section.Mid))
            {
                throw new ArgumentException($"The mid '{section.Mid}' is empty, contains white space or is used twice.", nameof(sections));
            }

            if (section.Codecs.Count == 0)
            {
                throw new ArgumentException($"The m-line with mid {section.Mid} has no codec.", nameof(sections));
            }

            var payloadTypes = new HashSet<int>();
            foreach (var codec in section.Codecs)
            {
                if (codec.PayloadType is < 0 or > 127 || !payloadTypes.Add(codec.PayloadType)
                    || (codec.RtxPayloadType is { } rtx && (rtx is < 0 or > 127 || !payloadTypes.Add(rtx))))
                {
                    throw new ArgumentException($"Payload types on mid {section.Mid} must be 0-127 and distinct.", nameof(sections));
                }
            }

            var ids = new HashSet<int>();
            foreach (var extmap in section.HeaderExtensions)
            {
                if (extmap.Id is < 1 or > 255 || !ids.Add(extmap.Id))
                {
                    throw new ArgumentException($"Header extension ids on mid {section.Mid} must be 1-255 and distinct.", nameof(sections));
                }
            }
        }
    }
}
