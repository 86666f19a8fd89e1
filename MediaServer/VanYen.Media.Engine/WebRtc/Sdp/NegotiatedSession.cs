namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// The result of an offer/answer exchange: our description (answer or offer) plus what the ICE, DTLS and
/// media layers need: credentials, the remote fingerprint, DTLS roles and per-mid codecs and extensions.
/// </summary>
public sealed class NegotiatedSession
{
    /// <summary>Our description (the answer we created, or the offer we sent).</summary>
    public required SessionDescription LocalDescription { get; init; }

    /// <summary>Our description as the text to send (CRLF line ends).</summary>
    public required string LocalSdp { get; init; }

    /// <summary>The browser's description (its offer, or its answer).</summary>
    public required SessionDescription RemoteDescription { get; init; }

    /// <summary>Our ICE username fragment.</summary>
    public required string LocalIceUfrag { get; init; }

    /// <summary>Our ICE password.</summary>
    public required string LocalIcePassword { get; init; }

    /// <summary>The browser's ICE username fragment (the second half of the STUN USERNAME it sends us).</summary>
    public required string RemoteIceUfrag { get; init; }

    /// <summary>The browser's ICE password.</summary>
    public required string RemoteIcePassword { get; init; }

    /// <summary>The fingerprint the browser's DTLS certificate must match.</summary>
    public required SdpFingerprint RemoteFingerprint { get; init; }

    /// <summary>The browser's a=setup as written, or null when absent.</summary>
    public SdpSetupRole? RemoteSetup { get; init; }

    /// <summary>Our a=setup: passive (DTLS server) or active (DTLS client).</summary>
    public required SdpSetupRole LocalSetup { get; init; }

    /// <summary>Our DTLS role, from <see cref="LocalSetup"/>.</summary>
    public SdpDtlsRole LocalDtlsRole => LocalSetup == SdpSetupRole.Active ? SdpDtlsRole.Client : SdpDtlsRole.Server;

    /// <summary>The mids bundled on the single transport, the tagged one first.</summary>
    public required IReadOnlyList<string> BundleMids { get; init; }

    /// <summary>Every m= section in order, accepted or not.</summary>
    public required IReadOnlyList<NegotiatedMedia> Media { get; init; }

    /// <summary>True when both sides allow one-byte and two-byte header extensions mixed (RFC 8285 §6).</summary>
    public bool ExtmapAllowMixed { get; init; }

    /// <summary>The section with a=mid:<paramref name="mid"/>, or null.</summary>
    public NegotiatedMedia? FindMedia(string mid)
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
}
