namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// A parsed SDP session description (RFC 8866) with the attributes WebRTC uses (RFC 8829) as typed
/// properties; every other line is kept verbatim, in order, so nothing is lost when re-serializing.
/// </summary>
/// <remarks>
/// Not a hot path: a mutable object graph, built by <see cref="Parse"/> or by hand, written by
/// <see cref="ToString"/> with CRLF line ends in a canonical order.
/// </remarks>
public sealed class SessionDescription
{
    /// <summary>The v= line; always 0.</summary>
    public int Version { get; set; }

    /// <summary>The o= line.</summary>
    public SdpOrigin Origin { get; set; } = new("-", "0", 0, "IN", "IP4", "127.0.0.1");

    /// <summary>The s= line ("-" when there is nothing to say).</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>The i= line, if any.</summary>
    public string? SessionInformation { get; set; }

    /// <summary>The u= line, if any.</summary>
    public string? Uri { get; set; }

    /// <summary>The e= lines.</summary>
    public List<string> Emails { get; } = [];

    /// <summary>The p= lines.</summary>
    public List<string> Phones { get; } = [];

    /// <summary>The session-level c= line, if any.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The b= lines, verbatim (e.g. "AS:512").</summary>
    public List<string> Bandwidths { get; } = [];

    /// <summary>The t= lines (at least one; WebRTC uses a single "0 0").</summary>
    public List<SdpTiming> Timings { get; } = [];

    /// <summary>The z= line, verbatim, if any.</summary>
    public string? TimeZones { get; set; }

    /// <summary>The k= line, verbatim, if any.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The a=group lines (BUNDLE and others), in order.</summary>
    public List<SdpGroup> Groups { get; } = [];

    /// <summary>a=ice-lite (RFC 8839 §5.3).</summary>
    public bool IceLite { get; set; }

    /// <summary>Session-level a=ice-ufrag, if any.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Session-level a=ice-pwd, if any.</summary>
    public string? IcePassword { get; set; }

    /// <summary>Session-level a=ice-options tokens (e.g. "trickle").</summary>
    public List<string> IceOptions { get; } = [];

    /// <summary>Session-level a=fingerprint lines (Firefox puts its fingerprint here).</summary>
    public List<SdpFingerprint> Fingerprints { get; } = [];

    /// <summary>Session-level a=setup, if any.</summary>
    public SdpSetupRole? Setup { get; set; }

    /// <summary>a=msid-semantic, if any.</summary>
    public SdpMsidSemantic? MsidSemantic { get; set; }

    /// <summary>a=extmap-allow-mixed at session level (RFC 8285 §6).</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>Every other session-level attribute, verbatim, in order.</summary>
    public List<SdpAttribute> OtherAttributes { get; } = [];

    /// <summary>The m= sections, in order.</summary>
    public List<MediaDescription> Media { get; } = [];

    /// <summary>The first a=group:BUNDLE, or null.</summary>
    public SdpGroup? BundleGroup
    {
        get
        {
            foreach (var group in Groups)
            {
                if (group.IsBundle)
                {
                    return group;
                }
            }

            return null;
        }
    }

    /// <summary>The m= section with a=mid:<paramref name="mid"/>, or null.</summary>
    public MediaDescription? FindMedia(string mid)
    {
        foreach (var media in Media)
        {
            if (string.Equals(media.Mid, mid, StringComparison.Ordinal))
            {
                return media;
            }
        }

        return null;
    }

    /// <summary>Parses <paramref name="sdp"/>; accepts CRLF or LF line ends.</summary>
    /// <exception cref="SdpParseException">The text is not well-formed SDP; the message names the line and the reason.</exception>
    public static SessionDescription Parse(string sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        return SdpReader.Read(sdp);
    }

    /// <summary>Parses <paramref name="sdp"/>, returning false (and the reason) instead of throwing when it is malformed.</summary>
    public static bool TryParse(string? sdp, out SessionDescription? description, out SdpParseException? error)
    {
        if (sdp is null)
        {
            description = null;
            error = new SdpParseException(0, "no session description");
            return false;
        }

        try
        {
            description = SdpReader.Read(sdp);
            error = null;
            return true;
        }
        catch (SdpParseException exception)
        {
            description = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Parses <paramref name="sdp"/>, returning false instead of throwing when it is malformed.</summary>
    public static bool TryParse(string? sdp, out SessionDescription? description) => TryParse(sdp, out description, out _);

    /// <summary>Serializes the description with CRLF line ends in canonical order.</summary>
    public override string ToString() => SdpWriter.Write(this);
}
