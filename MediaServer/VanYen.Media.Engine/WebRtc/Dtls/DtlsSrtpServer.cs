using Org.BouncyCastle.Tls;
using TlsCertificateChain = Org.BouncyCastle.Tls.Certificate;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// Our DTLS 1.2 server for WebRTC (we answered <c>a=setup:passive</c>): ECDSA certificate, use_srtp with our
/// profile preference, extended master secret required, and a CertificateRequest, since the browser must prove
/// the certificate whose fingerprint its SDP carries.
/// </summary>
internal sealed class DtlsSrtpServer : DefaultTlsServer
{
    private readonly DtlsHandshakeContext _handshake;

    public DtlsSrtpServer(DtlsHandshakeContext handshake)
        : base(handshake.Crypto)
    {
        _handshake = handshake;
    }

    /// <summary>RFC 6347 §4.1.2.7: invalid records are silently discarded, not fatal.</summary>
    public override bool IgnoreCorruptDtlsRecords => true;

    public override bool RequiresExtendedMasterSecret() => true;

    public override int GetHandshakeResendTimeMillis() => _handshake.InitialRetransmitMillis;

    public override CertificateRequest GetCertificateRequest() =>
        new(DtlsCipherSuites.CertificateRequestTypes, DtlsCipherSuites.CertificateRequestSignatureAlgorithms, null);

    public override int GetSelectedCipherSuite()
    {
        int cipherSuite = base.GetSelectedCipherSuite();
        _handshake.OnCipherSuiteSelected(cipherSuite);
        return cipherSuite;
    }

    public override void NotifyClientCertificate(TlsCertificateChain clientCertificate) =>
        _handshake.VerifyPeerCertificate(clientCertificate);

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        _handshake.SelectProfileOffered(clientExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions));
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        IDictionary<int, byte[]> extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetServerExtensions());

        // RFC 5764 §4.1.1: echo the one profile we chose, with no MKI.
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([_handshake.SelectedProfile], []));
        return extensions;
    }

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        _handshake.ExportKeyingMaterial(m_context);
    }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        base.NotifyAlertReceived(alertLevel, alertDescription);
        _handshake.OnAlertReceived(alertLevel, alertDescription);
    }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

    protected override int[] GetSupportedCipherSuites() =>
        TlsUtilities.GetSupportedCipherSuites(Crypto, DtlsCipherSuites.Preferred);

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() =>
        _handshake.LocalCertificate.CreateSigner(m_context, _handshake.Crypto);
}
