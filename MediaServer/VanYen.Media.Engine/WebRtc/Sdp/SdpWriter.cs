using System.Globalization;
using System.Text;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Writes a <see cref="SessionDescription"/> as SDP text with CRLF line ends, lines in the order of
/// RFC 8866 §5 and attributes in a fixed canonical order. Each list keeps its own order, so parsing the
/// output gives back the same model.
/// </summary>
internal sealed class SdpWriter
{
    private readonly StringBuilder _builder = new(4096);

    private SdpWriter()
    {
    }

    public static string Write(SessionDescription description)
    {
        var writer = new SdpWriter();
        writer.WriteSession(description);
        foreach (var media in description.Media)
        {
            writer.WriteMedia(media);
        }

        return writer._builder.ToString();
    }

    private void WriteSession(SessionDescription description)
    {
        var origin = description.Origin;
        Line('v', Number(description.Version));
        Line('o', $"{origin.UserName} {origin.SessionId} {Number(origin.SessionVersion)} {origin.NetworkType} {origin.AddressType} {origin.UnicastAddress}");
        Line('s', description.SessionName);
        OptionalLine('i', description.SessionInformation);
        OptionalLine('u', description.Uri);
        Lines('e', description.Emails);
        Lines('p', description.Phones);
        if (description.Connection is { } connection)
        {
            Line('c', Format(connection));
        }

        Lines('b', description.Bandwidths);
        foreach (var timing in description.Timings)
        {
            Line('t', Number(timing.StartTime) + " " + Number(timing.StopTime));
            Lines('r', timing.RepeatTimes);
        }

        OptionalLine('z', description.TimeZones);
        OptionalLine('k', description.EncryptionKey);

        foreach (var group in description.Groups)
        {
            Attribute("group", Join(group.Semantics, group.Mids));
        }

        if (description.IceLite)
        {
            Attribute("ice-lite");
        }

        WriteTransport(description.IceUfrag, description.IcePassword, description.IceOptions, description.Fingerprints, description.Setup);
        if (description.MsidSemantic is { } semantic)
        {
            Attribute("msid-semantic", Join(semantic.Semantic, semantic.Identifiers));
        }

        if (description.ExtmapAllowMixed)
        {
            Attribute("extmap-allow-mixed");
        }

        WriteOther(description.OtherAttributes);
    }

    private void WriteMedia(MediaDescription media)
    {
        string port = media.PortCount is { } count ? Number(media.Port) + "/" + Number(count) : Number(media.Port);
        Line('m', Join($"{media.MediaType} {port} {media.Protocol}", media.Formats));
        OptionalLine('i', media.Title);
        foreach (var connection in media.Connections)
        {
            Line('c', Format(connection));
        }

        Lines('b', media.Bandwidths);
        OptionalLine('k', media.EncryptionKey);

        WriteTransport(media.IceUfrag, media.IcePassword, media.IceOptions, media.Fingerprints, media.Setup);
        if (media.Mid is not null)
        {
            Attribute("mid", media.Mid);
        }

        if (media.ExtmapAllowMixed)
        {
            Attribute("extmap-allow-mixed");
        }

        foreach (var extmap in media.Extmaps)
        {
            string id = extmap.Direction is { } direction ? Number(extmap.Id) + "/" + direction.ToAttributeName() : Number(extmap.Id);
            string value = id + " " + extmap.Uri;
            Attribute("extmap", extmap.ExtensionAttributes is null ? value : value + " " + extmap.ExtensionAttributes);
        }

        if (media.Direction is { } mediaDirection)
        {
            Attribute(mediaDirection.ToAttributeName());
        }

        foreach (var msid in media.Msids)
        {
            Attribute("msid", msid.TrackId is null ? msid.StreamId : msid.StreamId + " " + msid.TrackId);
        }

        if (media.RtcpMux)
        {
            Attribute("rtcp-mux");
        }

        if (media.RtcpReducedSize)
        {
            Attribute("rtcp-rsize");
        }

        WriteCodecs(media);
        WriteOther(media.OtherAttributes);

        foreach (var group in media.SsrcGroups)
        {
            var ssrcs = new List<string>(group.Ssrcs.Count);
            foreach (uint ssrc in group.Ssrcs)
            {
                ssrcs.Add(Number(ssrc));
            }

            Attribute("ssrc-group", Join(group.Semantics, ssrcs));
        }

        foreach (var ssrc in media.Ssrcs)
        {
            string value = Number(ssrc.Ssrc) + " " + ssrc.Attribute;
            Attribute("ssrc", ssrc.Value is null ? value : value + ":" + ssrc.Value);
        }

        foreach (var candidate in media.Candidates)
        {
            Attribute("candidate", Format(candidate));
        }

        if (media.EndOfCandidates)
        {
            Attribute("end-of-candidates");
        }
    }

    /// <summary>
    /// Writes each rtpmap followed by the rtcp-fb and fmtp lines of the same payload type that come next
    /// in their lists (the grouping browsers use), then whatever is left, so every list keeps its order.
    /// </summary>
    private void WriteCodecs(MediaDescription media)
    {
        int feedbackIndex = 0;
        int fmtpIndex = 0;
        foreach (var rtpMap in media.RtpMaps)
        {
            string channels = rtpMap.Channels is { } count ? "/" + Number(count) : string.Empty;
            Attribute("rtpmap", $"{Number(rtpMap.PayloadType)} {rtpMap.EncodingName}/{Number(rtpMap.ClockRate)}{channels}");
            while (feedbackIndex < media.RtcpFeedbacks.Count && media.RtcpFeedbacks[feedbackIndex].PayloadType == rtpMap.PayloadType)
            {
                WriteFeedback(media.RtcpFeedbacks[feedbackIndex++]);
            }

            while (fmtpIndex < media.Fmtps.Count && media.Fmtps[fmtpIndex].PayloadType == rtpMap.PayloadType)
            {
                WriteFmtp(media.Fmtps[fmtpIndex++]);
            }
        }

        while (feedbackIndex < media.RtcpFeedbacks.Count)
        {
            WriteFeedback(media.RtcpFeedbacks[feedbackIndex++]);
        }

        while (fmtpIndex < media.Fmtps.Count)
        {
            WriteFmtp(media.Fmtps[fmtpIndex++]);
        }
    }

    private void WriteFeedback(SdpRtcpFeedback feedback)
    {
        string payloadType = feedback.PayloadType is { } pt ? Number(pt) : "*";
        string value = payloadType + " " + feedback.Type;
        Attribute("rtcp-fb", feedback.Subtype is null ? value : value + " " + feedback.Subtype);
    }

    private void WriteFmtp(SdpFmtp fmtp)
    {
        string parameters = fmtp.FormatParameters();
        Attribute("fmtp", parameters.Length == 0 ? Number(fmtp.PayloadType) : Number(fmtp.PayloadType) + " " + parameters);
    }

    private void WriteTransport(string? ufrag, string? password, List<string> options, List<SdpFingerprint> fingerprints, SdpSetupRole? setup)
    {
        if (ufrag is not null)
        {
            Attribute("ice-ufrag", ufrag);
        }

        if (password is not null)
        {
            Attribute("ice-pwd", password);
        }

        if (options.Count > 0)
        {
            Attribute("ice-options", string.Join(' ', options));
        }

        foreach (var fingerprint in fingerprints)
        {
            Attribute("fingerprint", fingerprint.ToString());
        }

        if (setup is { } role)
        {
            Attribute("setup", Format(role));
        }
    }

    private void WriteOther(List<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            Attribute(attribute.Name, attribute.Value);
        }
    }

    internal static string Format(SdpSetupRole role) => role switch
    {
        SdpSetupRole.Active => "active",
        SdpSetupRole.Passive => "passive",
        SdpSetupRole.HoldConn => "holdconn",
        _ => "actpass",
    };

    internal static string Format(SdpCandidate candidate)
    {
        var builder = new StringBuilder(128);
        builder.Append(CultureInfo.InvariantCulture, $"{candidate.Foundation} {candidate.Component} {candidate.Transport} {candidate.Priority} {candidate.Address} {candidate.Port} typ {candidate.Type}");
        if (candidate.RelatedAddress is not null)
        {
            builder.Append(" raddr ").Append(candidate.RelatedAddress);
        }

        if (candidate.RelatedPort is { } relatedPort)
        {
            builder.Append(" rport ").Append(Number(relatedPort));
        }

        if (candidate.TcpType is not null)
        {
            builder.Append(" tcptype ").Append(candidate.TcpType);
        }

        if (candidate.Generation is { } generation)
        {
            builder.Append(" generation ").Append(Number(generation));
        }

        foreach (var extension in candidate.Extensions)
        {
            builder.Append(' ').Append(extension.Key).Append(' ').Append(extension.Value);
        }

        return builder.ToString();
    }

    private static string Format(SdpConnection connection) => $"{connection.NetworkType} {connection.AddressType} {connection.Address}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(string first, IReadOnlyList<string> rest) =>
        rest.Count == 0 ? first : first + " " + string.Join(' ', rest);

    private void Line(char type, string value) => _builder.Append(type).Append('=').Append(value).Append("\r\n");

    private void OptionalLine(char type, string? value)
    {
        if (value is not null)
        {
            Line(type, value);
        }
    }

    private void Lines(char type, List<string> values)
    {
        foreach (string value in values)
        {
            Line(type, value);
        }
    }

    private void Attribute(string name, string? value = null)
    {
        _builder.Append("a=").Append(name);
        if (value is not null)
        {
            _builder.Append(':').Append(value);
        }

        _builder.Append("\r\n");
    }
}
