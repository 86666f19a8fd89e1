using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using SignatureAndHashAlgorithm = Org.BouncyCastle.Tls.SignatureAndHashAlgorithm;
using TlsContext = Org.BouncyCastle.Tls.TlsContext;
using TlsCredentialedSigner = Org.BouncyCastle.Tls.TlsCredentialedSigner;
using TlsCertificateChain = Org.BouncyCastle.Tls.Certificate;
using TlsHashAlgorithm = Org.BouncyCastle.Tls.HashAlgorithm;
using TlsSignatureAlgorithm = Org.BouncyCastle.Tls.SignatureAlgorithm;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// Our DTLS identity: a self-signed ECDSA P-256 certificate (what browsers generate for themselves too) and
/// its private key. Its SHA-256 <see cref="Fingerprint"/> goes into every SDP we send; the certificate itself
/// proves nothing beyond that (RFC 8827 §6.5). One instance is shared by every peer association.
/// </summary>
public sealed partial class DtlsCertificate
{
    /// <summary>The subject (and issuer) of certificates we generate.</summary>
    public const string SubjectName = "CN=VanYen.Media";

    /// <summary>How long a generated certificate is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>How far NotBefore is back-dated, so a peer whose clock is a little behind still accepts it.</summary>
    public static readonly TimeSpan BackDating = TimeSpan.FromDays(1);

    private readonly byte[] _der;
    private readonly byte[] _pkcs8PrivateKey;
    private readonly AsymmetricKeyParameter _privateKey;

    private DtlsCertificate(byte[] der, byte[] pkcs8PrivateKey, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        _der = der;
        _pkcs8PrivateKey = pkcs8PrivateKey;
        _privateKey = PrivateKeyFactory.CreateKey(pkcs8PrivateKey);
        NotBefore = notBefore;
        NotAfter = notAfter;
        Fingerprint = DtlsFingerprint.ComputeSha256(der);
    }

    /// <summary>The SHA-256 fingerprint of the DER certificate.</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>The value of our SDP fingerprint attribute: <c>"sha-256 AB:CD:..."</c>.</summary>
    public string SdpFingerprint => Fingerprint.ToString();

    /// <summary>Start of validity (UTC).</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>End of validity (UTC).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The DER-encoded X.509 certificate.</summary>
    public ReadOnlySpan<byte> RawData => _der;

    /// <summary>
    /// Generates a fresh certificate valid from <see cref="BackDating"/> before now for <see cref="Lifetime"/>.
    /// </summary>
    public static DtlsCertificate Create(TimeProvider? timeProvider = null)
    {
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        using X509Certificate2 certificate = request.CreateSelfSigned(now - BackDating, now + Lifetime);
        return new DtlsCertificate(
            certificate.RawData,
            key.ExportPkcs8PrivateKey(),
            certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime());
    }

    /// <summary>Whether the certificate is valid at <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now) => now >= NotBefore && now < NotAfter;

    /// <summary>
    /// The BouncyCastle signing credentials for one handshake: our certificate as a one-element chain and the
    /// ECDSA key, signing with SHA-256 (every browser and OpenSSL list ecdsa_secp256r1_sha256).
    /// </summary>
    internal TlsCredentialedSigner CreateSigner(TlsContext context, BcTlsCrypto crypto)
    {
        var chain = new TlsCertificateChain([crypto.CreateCertificate(_der)]);
        return new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            crypto,
            _privateKey,
            chain,
            SignatureAndHashAlgorithm.GetInstance(TlsHashAlgorithm.sha256, TlsSignatureAlgorithm.ecdsa));
    }

    /// <summary>The certificate and its PKCS#8 private key as PEM (what <see cref="LoadOrCreate"/> stores; OpenSSL reads it).</summary>
    internal string ExportPem() =>
        new string(PemEncoding.Write("CERTIFICATE", _der)) + "\n"
        + new string(PemEncoding.Write("PRIVATE KEY", _pkcs8PrivateKey)) + "\n";
}
