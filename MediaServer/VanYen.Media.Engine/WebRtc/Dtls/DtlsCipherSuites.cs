using Org.BouncyCastle.Tls;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>What our DTLS peers offer and accept: ECDHE with our ECDSA certificate, AEAD first.</summary>
internal static class DtlsCipherSuites
{
    /// <summary>
    /// ECDHE_ECDSA AEAD suites, most preferred first; Chrome and Firefox offer all three. CBC suites are left out
    /// (RFC 9325 §4.2), which also keeps <see cref="GetMinimumProtectedRecordLength"/> simple.
    /// </summary>
    public static readonly int[] Preferred =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    ];

    /// <summary>The smallest AEAD overhead of <see cref="Preferred"/>: a ChaCha20-Poly1305 tag (RFC 7905).</summary>
    public const int SmallestAeadOverhead = 16;

    /// <summary>
    /// Shortest valid protected record body for <paramref name="cipherSuite"/>: explicit nonce + tag for AES-GCM
    /// (RFC 5288 §3: 8 + 16), tag only for ChaCha20-Poly1305. BouncyCastle answers a shorter one with a fatal
    /// decode_error instead of discarding it, so such records are filtered before they reach it.
    /// </summary>
    public static int GetMinimumProtectedRecordLength(int cipherSuite) =>
        cipherSuite == CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ? SmallestAeadOverhead : 8 + 16;

    /// <summary>
    /// Signature algorithms listed in our CertificateRequest. The browser's certificate is ECDSA (Chrome refuses a
    /// request without ECDSA) but may be RSA in some configurations, so both are listed.
    /// </summary>
    public static IList<SignatureAndHashAlgorithm> CertificateRequestSignatureAlgorithms { get; } =
    [
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa),
        SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
        SignatureAndHashAlgorithm.rsa_pss_rsae_sha384,
        SignatureAndHashAlgorithm.rsa_pss_rsae_sha512,
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa),
        SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha512, SignatureAlgorithm.rsa),
        SignatureAndHashAlgorithm.ed25519,
    ];

    /// <summary>Client certificate types in our CertificateRequest (RFC 5246 §7.4.4, RFC 8422 §5.5).</summary>
    public static readonly short[] CertificateRequestTypes = [ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign];
}
