namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// The SRTP protection profiles we negotiate in the DTLS <c>use_srtp</c> extension (RFC 5764 §4.1.2,
/// RFC 7714 §14.2), with the master key and salt sizes that size the exported keying material.
/// </summary>
public static class DtlsSrtpProtectionProfile
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2): 16-byte master key, 14-byte master salt.</summary>
    public const ushort Aes128CmHmacSha1_80 = 0x0001;

    /// <summary>SRTP_AEAD_AES_128_GCM (RFC 7714 §14.2): 16-byte master key, 12-byte master salt.</summary>
    public const ushort AeadAes128Gcm = 0x0007;

    /// <summary>Our default preference as a server: GCM (cheaper, one pass) first, then CM.</summary>
    public static IReadOnlyList<ushort> DefaultPreference { get; } = [AeadAes128Gcm, Aes128CmHmacSha1_80];

    /// <summary>Whether we can negotiate <paramref name="profile"/>.</summary>
    public static bool IsSupported(ushort profile) => profile is Aes128CmHmacSha1_80 or AeadAes128Gcm;

    /// <summary>SRTP master key length in bytes for <paramref name="profile"/>.</summary>
    public static int GetMasterKeyLength(ushort profile) => profile switch
    {
        Aes128CmHmacSha1_80 or AeadAes128Gcm => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile."),
    };

    /// <summary>SRTP master salt length in bytes for <paramref name="profile"/>.</summary>
    public static int GetMasterSaltLength(ushort profile) => profile switch
    {
        Aes128CmHmacSha1_80 => 14,
        AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile."),
    };

    /// <summary>
    /// Length of the "EXTRACTOR-dtls_srtp" export: 2 × (key + salt), that is 60 bytes for CM and 56 for GCM
    /// (RFC 5764 §4.2).
    /// </summary>
    public static int GetKeyingMaterialLength(ushort profile) => 2 * (GetMasterKeyLength(profile) + GetMasterSaltLength(profile));

    /// <summary>The RFC name, for logs.</summary>
    public static string GetName(ushort profile) => profile switch
    {
        Aes128CmHmacSha1_80 => "SRTP_AES128_CM_HMAC_SHA1_80",
        AeadAes128Gcm => "SRTP_AEAD_AES_128_GCM",
        _ => "0x" + profile.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
    };
}
