using System.Globalization;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Reads the a= lines this model types; every other attribute is kept verbatim.</summary>
internal sealed partial class SdpReader
{
    private const int MaxFingerprintBytes = 64;

    private void ReadSessionAttribute(string line)
    {
        var (name, value) = SplitAttribute(line);
        var description = _description;
        switch (name)
        {
            case "group":
                description.Groups.Add(ReadGroup(RequireAttributeValue(name, value)));
                break;
            case "ice-lite":
                RequireNoValue(name, value);
                description.IceLite = true;
                break;
            case "ice-ufrag":
                EnsureSingle(description.IceUfrag, name);
                description.IceUfrag = ReadIceCredential(name, value);
                break;
            case "ice-pwd":
                EnsureSingle(description.IcePassword, name);
                description.IcePassword = ReadIceCredential(name, value);
                break;
            case "ice-options":
                description.IceOptions.AddRange(Tokens(RequireAttributeValue(name, value)));
                break;
            case "fingerprint":
                description.Fingerprints.Add(ReadFingerprint(RequireAttributeValue(name, value)));
                break;
            case "setup":
                EnsureSingle(description.Setup, name);
                description.Setup = ReadSetup(RequireAttributeValue(name, value));
                break;
            case "msid-semantic":
                EnsureSingle(description.MsidSemantic, name);
                description.MsidSemantic = ReadMsidSemantic(RequireAttributeValue(name, value));
                break;
            case "extmap-allow-mixed":
                RequireNoValue(name, value);
                description.ExtmapAllowMixed = true;
                break;
            default:
                description.OtherAttributes.Add(new SdpAttribute(name, value));
                break;
        }
    }

    private void ReadMediaAttribute(MediaDescription media, string line)
    {
        var (name, value) = SplitAttribute(line);
        if (SdpDirections.TryParse(name, out var direction))
        {
            RequireNoValue(name, value);
            if (media.Direction is not null)
            {
                throw Error($"more than one direction attribute in the media section (a={media.Direction.Value.ToAttributeName()} and a={name})");
            }

            media.Direction = direction;
            return;
        }

        switch (name)
        {
            case "mid":
                EnsureSingle(media.Mid, name);
                media.Mid = ReadSingleToken(name, value);
                break;
            case "rtcp-mux":
                RequireNoValue(name, value);
                media.RtcpMux = true;
                break;
            case "rtcp-rsize":
                RequireNoValue(name, value);
                media.RtcpReducedSize = true;
                break;
            case "ice-ufrag":
                EnsureSingle(media.IceUfrag, name);
                media.IceUfrag = ReadIceCredential(name, value);
                break;
            case "ice-pwd":
                EnsureSingle(media.IcePassword, name);
                media.IcePassword = ReadIceCredential(name, value);
                break;
            case "ice-options":
                media.IceOptions.AddRange(Tokens(RequireAttributeValue(name, value)));
                break;
            case "fingerprint":
                media.Fingerprints.Add(ReadFingerprint(RequireAttributeValue(name, value)));
                break;
            case "setup":
                EnsureSingle(media.Setup, name);
                media.Setup = ReadSetup(RequireAttributeValue(name, value));
                break;
            case "candidate":
                media.Candidates.Add(ReadCandidate(RequireAttributeValue(name, value)));
                break;
            case "end-of-candidates":
                RequireNoValue(name, value);
                media.EndOfCandidates = true;
                break;
            case "rtpmap":
                media.RtpMaps.Add(ReadRtpMap(RequireAttributeValue(name, value)));
                break;
            case "fmtp":
                media.Fmtps.Add(ReadFmtp(RequireAttributeValue(name, value)));
                break;
            case "rtcp-fb":
                media.RtcpFeedbacks.Add(ReadRtcpFeedback(RequireAttributeValue(name, value)));
                break;
            case "extmap":
                media.Extmaps.Add(ReadExtmap(RequireAttributeValue(name, value)));
                break;
            case "extmap-allow-mixed":
                RequireNoValue(name, value);
                media.ExtmapAllowMixed = true;
                break;
            case "msid":
                media.Msids.Add(ReadMsid(RequireAttributeValue(name, value)));
                break;
            case "ssrc":
                media.Ssrcs.Add(ReadSsrc(RequireAttributeValue(name, value)));
                break;
            case "ssrc-group":
                media.SsrcGroups.Add(ReadSsrcGroup(RequireAttributeValue(name, value)));
                break;
            default:
                media.OtherAttributes.Add(new SdpAttribute(name, value));
                break;
        }
    }

    private (string Name, string? Value) SplitAttribute(string line)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? line : line[..colon];
        string? value = colon < 0 ? null : line[(colon + 1)..];
        if (name.Length == 0)
        {
            throw Error("attribute without a name");
        }

        foreach (char c in name)
        {
            if (!IsTokenChar(c))
            {
                throw Error($"attribute name '{Shorten(name)}' contains '{c}', which is not allowed in a token");
            }
        }

        return (name, value);
    }

    // RFC 8866 §9: token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E
    private static bool IsTokenChar(char c) =>
        c == '!' || (c >= '#' && c <= '\'') || c == '*' || c == '+' || c == '-' || c == '.'
        || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= '^' && c <= '~');

    // RFC 8839 §5.4: ice-char = ALPHA / DIGIT / "+" / "/"
    private static bool IsIceChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';

    private string RequireAttributeValue(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error($"a={name} needs a value");
        }

        return value;
    }

    private void RequireNoValue(string name, string? value)
    {
        if (value is not null)
        {
            throw Error($"a={name} takes no value");
        }
    }

    private void EnsureSingle<T>(T? existing, string name)
    {
        if (existing is not null)
        {
            throw Error($"duplicate a={name}");
        }
    }

    private string ReadSingleToken(string name, string? value)
    {
        string text = RequireAttributeValue(name, value);
        if (text.Contains(' ', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            throw Error($"a={name} must be a single token, found \"{Shorten(text)}\"");
        }

        return text;
    }

    private string ReadIceCredential(string name, string? value)
    {
        string text = RequireAttributeValue(name, value);
        foreach (char c in text)
        {
            if (!IsIceChar(c))
            {
                throw Error($"a={name} contains '{c}'; only letters, digits, '+' and '/' are allowed");
            }
        }

        if (text.Length > 256)
        {
            throw Error($"a={name} is longer than 256 characters");
        }

        return text;
    }

    private SdpGroup ReadGroup(string value)
    {
        string[] fields = Tokens(value);
        return new SdpGroup(fields[0], fields[1..]);
    }

    private SdpMsidSemantic ReadMsidSemantic(string value)
    {
        // Chrome writes "a=msid-semantic: WMS" (a space after the colon), Firefox "a=msid-semantic:WMS *".
        string[] fields = Tokens(value);
        return new SdpMsidSemantic(fields[0], fields[1..]);
    }

    private SdpSetupRole ReadSetup(string value) => value switch
    {
        "actpass" => SdpSetupRole.ActPass,
        "active" => SdpSetupRole.Active,
        "passive" => SdpSetupRole.Passive,
        "holdconn" => SdpSetupRole.HoldConn,
        _ => throw Error($"a=setup:{Shorten(value)} is not actpass, active, passive or holdconn"),
    };

    private SdpFingerprint ReadFingerprint(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length != 2)
        {
            throw Error("a=fingerprint needs a hash function and a digest (RFC 8122 §5)");
        }

        string[] pairs = fields[1].Split(':');
        if (pairs.Length > MaxFingerprintBytes)
        {
            throw Error($"a=fingerprint digest is longer than {MaxFingerprintBytes} bytes");
        }

        byte[] digest = new byte[pairs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Length != 2
                || !byte.TryParse(pairs[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out digest[i]))
            {
                throw Error($"a=fingerprint digest must be hex pairs separated by ':', found \"{Shorten(pairs[i])}\"");
            }
        }

        return new SdpFingerprint(fields[0], digest);
    }

    private SdpCandidate ReadCandidate(string value)
    {
        // RFC 8839 §5.1: foundation component transport priority address port "typ" type [raddr a] [rport p] *(name value)
        string[] fields = Tokens(value);
        if (fields.Length < 8)
        {
            throw Error($"a=candidate needs at least 8 fields (foundation component transport priority address port typ type), found {fields.Length}");
        }

        string foundation = fields[0];
        if (foundation.Length > 32 || !foundation.All(IsIceChar))
        {
            throw Error($"candidate foundation '{Shorten(foundation)}' must be 1 to 32 letters, digits, '+' or '/'");
        }

        int component = ReadInt(fields[1], "candidate component", 1, 256);
        uint priority = ReadUInt32(fields[3], "candidate priority");
        int port = ReadInt(fields[5], "candidate port", 0, 65535);
        if (fields[6] != "typ")
        {
            throw Error($"expected 'typ' as the 7th candidate field, found '{Shorten(fields[6])}'");
        }

        string? relatedAddress = null;
        int? relatedPort = null;
        string? tcpType = null;
        int? generation = null;
        var extensions = new List<KeyValuePair<string, string>>();
        for (int i = 8; i < fields.Length; i += 2)
        {
            string name = fields[i];
            if (i + 1 >= fields.Length)
            {
                throw Error($"candidate extension '{Shorten(name)}' has no value");
            }

            string extensionValue = fields[i + 1];
            if (name == "raddr" && relatedAddress is null)
            {
                relatedAddress = extensionValue;
            }
            else if (name == "rport" && relatedPort is null)
            {
                relatedPort = ReadInt(extensionValue, "candidate rport", 0, 65535);
            }
            else if (name == "tcptype" && tcpType is null)
            {
                tcpType = extensionValue;
            }
            else if (name == "generation" && generation is null)
            {
                generation = ReadInt(extensionValue, "candidate generation", 0, int.MaxValue);
            }
            else
            {
                extensions.Add(new KeyValuePair<string, string>(name, extensionValue));
            }
        }

        return new SdpCandidate
        {
            Foundation = foundation,
            Component = component,
            Transport = fields[2],
            Priority = priority,
            Address = fields[4],
            Port = port,
            Type = fields[7],
            RelatedAddress = relatedAddress,
            RelatedPort = relatedPort,
            TcpType = tcpType,
            Generation = generation,
            Extensions = extensions,
        };
    }

    private SdpRtpMap ReadRtpMap(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length != 2)
        {
            throw Error("a=rtpmap needs '<payload type> <encoding name>/<clock rate>[/<channels>]'");
        }

        int payloadType = ReadInt(fields[0], "a=rtpmap payload type", 0, 127);
        string[] parts = fields[1].Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
        {
            throw Error($"a=rtpmap encoding '{Shorten(fields[1])}' is not '<name>/<clock rate>[/<channels>]'");
        }

        int clockRate = ReadInt(parts[1], "a=rtpmap clock rate", 1, int.MaxValue);
        int? channels = parts.Length == 3 ? ReadInt(parts[2], "a=rtpmap channel count", 1, 255) : null;
        return new SdpRtpMap(payloadType, parts[0], clockRate, channels);
    }

    private SdpFmtp ReadFmtp(string value)
    {
        string trimmed = value.TrimStart(' ');
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        string payloadTypeText = space < 0 ? trimmed : trimmed[..space];
        int payloadType = ReadInt(payloadTypeText, "a=fmtp payload type", 0, 127);
        var parameters = new List<SdpFmtpParameter>();
        if (space >= 0)
        {
            foreach (string item in trimmed[(space + 1)..].Split(';'))
            {
                string parameter = item.Trim();
                if (parameter.Length == 0)
                {
                    continue;
                }

                int equals = parameter.IndexOf('=', StringComparison.Ordinal);
                parameters.Add(equals < 0
                    ? new SdpFmtpParameter(parameter, null)
                    : new SdpFmtpParameter(parameter[..equals].Trim(), parameter[(equals + 1)..].Trim()));
            }
        }

        return new SdpFmtp(payloadType, parameters);
    }

    private SdpRtcpFeedback ReadRtcpFeedback(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length < 2)
        {
            throw Error("a=rtcp-fb needs '<payload type or *> <type> [<subtype>]'");
        }

        int? payloadType = fields[0] == "*" ? null : ReadInt(fields[0], "a=rtcp-fb payload type", 0, 127);
        string? subtype = fields.Length > 2 ? string.Join(' ', fields, 2, fields.Length - 2) : null;
        return new SdpRtcpFeedback(payloadType, fields[1], subtype);
    }

    private SdpExtmap ReadExtmap(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length < 2)
        {
            throw Error("a=extmap needs '<id>[/<direction>] <uri>'");
        }

        string idText = fields[0];
        SdpDirection? direction = null;
        int slash = idText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!SdpDirections.TryParse(idText[(slash + 1)..], out var parsed))
            {
                throw Error($"a=extmap direction '{Shorten(idText[(slash + 1)..])}' is not sendrecv, sendonly, recvonly or inactive");
            }

            direction = parsed;
            idText = idText[..slash];
        }

        // RFC 8285 §5: 1-14 for one-byte headers, up to 255 for two-byte headers.
        int id = ReadInt(idText, "a=extmap id", 1, 255);
        string? attributes = fields.Length > 2 ? string.Join(' ', fields, 2, fields.Length - 2) : null;
        return new SdpExtmap(id, direction, fields[1], attributes);
    }

    private SdpMsid ReadMsid(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length > 2)
        {
            throw Error("a=msid needs a stream id and at most one track id");
        }

        return new SdpMsid(fields[0], fields.Length == 2 ? fields[1] : null);
    }

    private SdpSsrc ReadSsrc(string value)
    {
        string trimmed = value.TrimStart(' ');
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        string rest = space < 0 ? string.Empty : trimmed[(space + 1)..].TrimStart(' ');
        if (rest.Length == 0)
        {
            throw Error("a=ssrc needs '<ssrc> <attribute>[:<value>]'");
        }

        uint ssrc = ReadUInt32(trimmed[..space], "a=ssrc id");
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new SdpSsrc(ssrc, rest, null)
            : new SdpSsrc(ssrc, rest[..colon], rest[(colon + 1)..]);
    }

    private SdpSsrcGroup ReadSsrcGroup(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length < 2)
        {
            throw Error("a=ssrc-group needs '<semantics> <ssrc> ...'");
        }

        var ssrcs = new uint[fields.Length - 1];
        for (int i = 1; i < fields.Length; i++)
        {
            ssrcs[i - 1] = ReadUInt32(fields[i], "a=ssrc-group ssrc");
        }

        return new SdpSsrcGroup(fields[0], ssrcs);
    }
}
