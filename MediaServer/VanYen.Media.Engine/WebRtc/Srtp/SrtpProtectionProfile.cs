namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The DTLS-SRTP protection profiles this stack speaks; each value is the profile's
/// two-byte identifier in the DTLS <c>use_srtp</c> extension.
/// </summary>
public enum SrtpProtectionProfile : ushort
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80: AES-128 counter mode with an 80-bit HMAC-SHA1 tag (RFC 5764 §4.1.2, id 0x0001).</summary>
    AesCm128HmacSha1_80 = 0x0001,

    /// <summary>SRTP_AEAD_AES_128_GCM: AES-128 in Galois/Counter Mode with a 128-bit tag (RFC 7714 §14.2, id 0x0007).</summary>
    AeadAes128Gcm = 0x0007,
}
