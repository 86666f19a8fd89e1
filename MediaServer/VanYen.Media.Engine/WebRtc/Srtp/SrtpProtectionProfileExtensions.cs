namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>Key, salt and tag sizes of each <see cref="SrtpProtectionProfile"/>, and the DTLS-SRTP keying material size.</summary>
public static class SrtpProtectionProfileExtensions
{
    /// <summary>Length of the SRTCP "E flag || SRTCP index" word (RFC 3711 §3.4).</summary>
    public const int SrtcpIndexLength = 4;

    /// <summary>Returns the profile whose DTLS <c>use_srtp</c> identifier is <paramref name="id"/>, if this stack supports it.</summary>
    public static bool TryFromId(ushort id, out SrtpProtectionProfile profile)
    {
        switch (id)
        {
            case (ushort)SrtpProtectionProfile.AesCm128HmacSha1_80:
            case (ushort)SrtpProtectionProfile.AeadAes128Gcm:
                profile = (SrtpProtectionProfile)id;
                return true;
            default:
                profile = default;
                return false;
        }
    }

    /// <summary>True for the profiles this stack implements.</summary>
    public static bool IsSupported(this SrtpProtectionProfile profile) =>
        profile is SrtpProtectionProfile.AesCm128HmacSha1_80 or SrtpProtectionProfile.AeadAes128Gcm;

    /// <summary>Master key length in bytes (16 for both profiles).</summary>
    public static int GetMasterKeyLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.AesCm128HmacSha1_80 => 16,
        SrtpProtectionProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    /// <summary>Master salt length in bytes: 14 (112 bits, RFC 3711 §8.2) or 12 (96 bits, RFC 7714 §12).</summary>
    public static int GetMasterSaltLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.AesCm128HmacSha1_80 => 14,
        SrtpProtectionProfile.AeadAes128Gcm => 12,
        _ => throw Unsupported(profile),
    };

    /// <summary>Session encryption key length in bytes.</summary>
    public static int GetSessionKeyLength(this SrtpProtectionProfile profile) => profile.GetMasterKeyLength();

    /// <summary>Session salt length in bytes (same as the master salt).</summary>
    public static int GetSessionSaltLength(this SrtpProtectionProfile profile) => profile.GetMasterSaltLength();

    /// <summary>Session authentication key length in bytes: 20 for HMAC-SHA1 (RFC 3711 §4.2), 0 for AEAD.</summary>
    public static int GetSessionAuthKeyLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.AesCm128HmacSha1_80 => 20,
        SrtpProtectionProfile.AeadAes128Gcm => 0,
        _ => throw Unsupported(profile),
    };

    /// <summary>
    /// Length of the tag each protected packet carries: the 80-bit HMAC-SHA1 tag (10 bytes),
    /// or the 16-byte GCM tag that RFC 7714 §7 appends to the ciphertext.
    /// </summary>
    public static int GetAuthTagLength(this SrtpProtectionProfile profile) => profile switch
    {
        SrtpProtectionProfile.AesCm128HmacSha1_80 => 10,
        SrtpProtectionProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    /// <summary>Bytes an RTP packet grows by when protected.</summary>
    public static int GetRtpOverhead(this SrtpProtectionProfile profile) => profile.GetAuthTagLength();

    /// <summary>Bytes an RTCP packet grows by when protected (tag plus the E flag and SRTCP index).</summary>
    public static int GetRtcpOverhead(this SrtpProtectionProfile profile) => profile.GetAuthTagLength() + SrtcpIndexLength;

    /// <summary>
    /// Bytes to ask of the DTLS exporter (label <c>EXTRACTOR-dtls_srtp</c>):
    /// two master keys and two master salts (RFC 5764 §4.2).
    /// </summary>
    public static int GetKeyingMaterialLength(this SrtpProtectionProfile profile) =>
        2 * (profile.GetMasterKeyLength() + profile.GetMasterSaltLength());

    private static ArgumentOutOfRangeException Unsupported(SrtpProtectionProfile profile) =>
        new(nameof(profile), profile, "Unsupported SRTP protection profile.");
}
