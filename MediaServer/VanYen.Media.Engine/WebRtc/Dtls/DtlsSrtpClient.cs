using Org.BouncyCastle.Tls;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// Our DTLS 1.2 client for WebRTC (the browser's offer said <c>a=setup:passive</c>): offers use_srtp with our
/// profiles, requires extended master secret, presents our ECDSA certificate and checks the server's against
/// its SDP fingerprint.
/// </summary>
internal sealed class DtlsSrtpClient : DefaultTlsClient, TlsAuthentication
{
    private readonly DtlsHandshakeContext _handshake;

    public DtlsSrtpClient(DtlsHandshakeContext handshake)
        : base(handshake.Crypto)
    {
        _handshake = handshake;
    }

    /// <summary>RFC 6347 §4.1.2.7: invalid records are silently discarded, not fatal.</summary>
    public override bool IgnoreCorruptDtlsRecords => true;

    public override bool RequiresExtendedMasterSecret() => true;

    public override int GetHandshakeResendTimeMillis() => _handshake.InitialRetransmitMillis;

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        IDictionary<int, byte[]> extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetClientExtensions());
        int[] profiles = new int[_handshake.ProfilePreference.Count];
        for (int i = 0; i < profiles.Length; i++)
        {
            profiles[i] = _handshake.ProfilePreference[i];
        }

        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(profiles, []));
        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        _handshake.AcceptProfileSelected(serverExtensions is null ? null : TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions));
    }

    public override void NotifySelectedCipherSuite(int selectedCipherSuite)
    {
        base.NotifySelectedCipherSuite(selectedCipherSuite);
        _handshake.OnCipherSuiteSelected(selectedCipherSuite);
    }

    public override TlsAuthentication GetAuthentication() => this;

    public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
    {
        // A server hello without use_srtp never reaches ProcessServerExtensions; catch it here, before any keys.
        if (_handshake.SelectedProfile < 0)
        {
            _handshake.AcceptProfileSelected(null);
        }

        _handshake.VerifyPeerCertificate(serverCertificate?.Certificate);
    }

    public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) =>
        _handshake.LocalCertificate.CreateSigner(m_context, _handshake.Crypto);

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
}
