using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using TlsCertificateChain = Org.BouncyCastle.Tls.Certificate;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// What the WebRTC-specific parts of one handshake share between our BouncyCastle peer (server or client) and
/// the <see cref="DtlsTransport"/> that runs it: the fingerprint check, the SRTP profile choice, the export,
/// and why it failed when it did.
/// </summary>
internal sealed class DtlsHandshakeContext
{
    /// <summary>RFC 5764 §4.2.</summary>
    public const string ExporterLabel = "EXTRACTOR-dtls_srtp";

    private readonly DtlsFingerprint _expectedPeerFingerprint;
    private readonly IReadOnlyList<ushort> _profilePreference;

    public DtlsHandshakeContext(
        DtlsRole role,
        DtlsCertificate localCertificate,
        DtlsFingerprint expectedPeerFingerprint,
        IReadOnlyList<ushort> profilePreference,
        int initialRetransmitMillis)
    {
        Role = role;
        LocalCertificate = localCertificate;
        _expectedPeerFingerprint = expectedPeerFingerprint;
        _profilePreference = profilePreference;
        InitialRetransmitMillis = initialRetransmitMillis;
        Crypto = new BcTlsCrypto();
    }

    public DtlsRole Role { get; }

    public DtlsCertificate LocalCertificate { get; }

    public BcTlsCrypto Crypto { get; }

    public int InitialRetransmitMillis { get; }

    /// <summary>The profile agreed in the hellos, or -1.</summary>
    public int SelectedProfile { get; private set; } = -1;

    public DtlsFingerprint? PeerFingerprint { get; private set; }

    public byte[]? KeyingMaterial { get; private set; }

    /// <summary>A failure we detected ourselves (fingerprint, certificate, profile), or <see cref="DtlsCloseReason.None"/>.</summary>
    public DtlsCloseReason FailureReason { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>The last alert the peer sent, or -1.</summary>
    public short ReceivedAlert { get; private set; } = -1;

    public short ReceivedAlertLevel { get; private set; }

    public IReadOnlyList<ushort> ProfilePreference => _profilePreference;

    /// <summary>
    /// Shortest acceptable body of a record in epoch 1 or later: the AEAD overhead of the chosen cipher suite
    /// once known, the smallest we might choose until then. Written by the handshake worker, read by OnDatagram.
    /// </summary>
    public int MinimumProtectedRecordLength => Volatile.Read(ref _minimumProtectedRecordLength);

    private int _minimumProtectedRecordLength = DtlsCipherSuites.SmallestAeadOverhead;

    public void OnCipherSuiteSelected(int cipherSuite) =>
        Volatile.Write(ref _minimumProtectedRecordLength, DtlsCipherSuites.GetMinimumProtectedRecordLength(cipherSuite));

    /// <summary>
    /// RFC 8122 §5 / RFC 5763 §5: the certificate the peer presents must hash to the fingerprint of its SDP;
    /// nothing else about it (issuer, validity) matters.
    /// </summary>
    public void VerifyPeerCertificate(TlsCertificateChain? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw Fail(
                DtlsCloseReason.PeerCertificateMissing,
                "The peer sent no certificate, but WebRTC requires one on both sides (RFC 5763 §5).",
                AlertDescription.handshake_failure);
        }

        byte[] der = chain.GetCertificateAt(0).GetEncoded();
        PeerFingerprint = DtlsFingerprint.ComputeSha256(der);
        if (!_expectedPeerFingerprint.Matches(der))
        {
            DtlsFingerprint actual = DtlsFingerprint.Compute(_expectedPeerFingerprint.Algorithm, der);
            throw Fail(
                DtlsCloseReason.FingerprintMismatch,
                $"The peer's certificate fingerprint {actual} does not match the fingerprint {_expectedPeerFingerprint} from its SDP.",
                AlertDescription.bad_certificate);
        }
    }

    /// <summary>Server side of RFC 5764 §4.1.1: pick the first profile of our preference that the client offered.</summary>
    public void SelectProfileOffered(UseSrtpData? offered)
    {
        if (offered is null)
        {
            throw Fail(
                DtlsCloseReason.NoCommonSrtpProfile,
                "The client's hello has no use_srtp extension; WebRTC media needs DTLS-SRTP (RFC 5764).",
                AlertDescription.handshake_failure);
        }

        foreach (ushort preferred in _profilePreference)
        {
            if (Array.IndexOf(offered.ProtectionProfiles, (int)preferred) >= 0)
            {
                SelectedProfile = preferred;
                return;
            }
        }

        throw Fail(
            DtlsCloseReason.NoCommonSrtpProfile,
            $"The client offered SRTP profiles [{FormatProfiles(offered.ProtectionProfiles)}]; we accept [{FormatProfiles(_profilePreference)}].",
            AlertDescription.handshake_failure);
    }

    /// <summary>Client side of RFC 5764 §4.1.1: the server must echo exactly one of the profiles we offered.</summary>
    public void AcceptProfileSelected(UseSrtpData? selected)
    {
        if (selected is null || selected.ProtectionProfiles.Length != 1)
        {
            throw Fail(
                DtlsCloseReason.NoCommonSrtpProfile,
                "The server did not select an SRTP protection profile in its use_srtp extension.",
                selected is null ? AlertDescription.handshake_failure : AlertDescription.illegal_parameter);
        }

        int profile = selected.ProtectionProfiles[0];
        bool offered = false;
        foreach (ushort candidate in _profilePreference)
        {
            offered |= candidate == profile;
        }

        if (!offered)
        {
            throw Fail(
                DtlsCloseReason.NoCommonSrtpProfile,
                $"The server selected SRTP profile {FormatProfiles([profile])}, which we did not offer.",
                AlertDescription.illegal_parameter);
        }

        SelectedProfile = profile;
    }

    /// <summary>Runs from NotifyHandshakeComplete, the only moment BouncyCastle allows the export (RFC 5705).</summary>
    public void ExportKeyingMaterial(TlsContext context)
    {
        if (SelectedProfile < 0)
        {
            throw Fail(
                DtlsCloseReason.NoCommonSrtpProfile,
                "The handshake completed without an SRTP protection profile.",
                AlertDescription.handshake_failure);
        }

        ushort profile = (ushort)SelectedProfile;
        KeyingMaterial = context.ExportKeyingMaterial(ExporterLabel, null, DtlsSrtpProtectionProfile.GetKeyingMaterialLength(profile));
    }

    public void OnAlertReceived(short level, short description)
    {
        ReceivedAlertLevel = level;
        ReceivedAlert = description;
    }

    public DtlsHandshakeResult CreateResult()
    {
        if (KeyingMaterial is null || PeerFingerprint is null || SelectedProfile < 0)
        {
            throw new InvalidOperationException("The handshake has not completed.");
        }

        return new DtlsHandshakeResult(Role, (ushort)SelectedProfile, KeyingMaterial, PeerFingerprint);
    }

    private TlsFatalAlert Fail(DtlsCloseReason reason, string message, short alert)
    {
        if (FailureReason == DtlsCloseReason.None)
        {
            FailureReason = reason;
            FailureMessage = message;
        }

        return new TlsFatalAlert(alert, message);
    }

    private static string FormatProfiles(IEnumerable<int> profiles) => string.Join(", ", profiles.Select(p => DtlsSrtpProtectionProfile.GetName((ushort)p)));

    private static string FormatProfiles(IEnumerable<ushort> profiles) => string.Join(", ", profiles.Select(DtlsSrtpProtectionProfile.GetName));
}
