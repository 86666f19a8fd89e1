namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// What a completed DTLS-SRTP handshake hands to SRTP: the negotiated protection profile and the keying material
/// exported with the label "EXTRACTOR-dtls_srtp" and no context (RFC 5764 §4.2, RFC 5705).
/// </summary>
/// <remarks>
/// <see cref="KeyingMaterial"/> is laid out as RFC 5764 §4.2 says:
/// <c>client write master key | server write master key | client write master salt | server write master salt</c>;
/// keys are 16 bytes, salts 14 (AES_CM, 60 bytes in all) or 12 (AEAD_AES_128_GCM, 56 bytes in all).
/// The DTLS client's keys protect what the client sends. <see cref="LocalMasterKey"/> and friends pick the
/// right halves for our <see cref="Role"/>: protect outgoing SRTP with the local pair, unprotect incoming with the remote pair.
/// </remarks>
public sealed class DtlsHandshakeResult
{
    private readonly byte[] _keyingMaterial;

    internal DtlsHandshakeResult(DtlsRole role, ushort srtpProtectionProfile, byte[] keyingMaterial, DtlsFingerprint peerFingerprint)
    {
        Role = role;
        SrtpProtectionProfile = srtpProtectionProfile;
        _keyingMaterial = keyingMaterial;
        PeerFingerprint = peerFingerprint;
        MasterKeyLength = DtlsSrtpProtectionProfile.GetMasterKeyLength(srtpProtectionProfile);
        MasterSaltLength = DtlsSrtpProtectionProfile.GetMasterSaltLength(srtpProtectionProfile);
    }

    /// <summary>Our role in the handshake.</summary>
    public DtlsRole Role { get; }

    /// <summary>The negotiated profile id (<see cref="DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80"/> or <see cref="DtlsSrtpProtectionProfile.AeadAes128Gcm"/>).</summary>
    public ushort SrtpProtectionProfile { get; }

    /// <summary>SHA-256 fingerprint of the certificate the peer proved it holds.</summary>
    public DtlsFingerprint PeerFingerprint { get; }

    /// <summary>Master key length (16).</summary>
    public int MasterKeyLength { get; }

    /// <summary>Master salt length (14 for AES_CM, 12 for GCM).</summary>
    public int MasterSaltLength { get; }

    /// <summary>The whole export (60 or 56 bytes), in the RFC 5764 §4.2 layout.</summary>
    public ReadOnlySpan<byte> KeyingMaterial => _keyingMaterial;

    /// <summary>The DTLS client's SRTP master key.</summary>
    public ReadOnlySpan<byte> ClientWriteMasterKey => _keyingMaterial.AsSpan(0, MasterKeyLength);

    /// <summary>The DTLS server's SRTP master key.</summary>
    public ReadOnlySpan<byte> ServerWriteMasterKey => _keyingMaterial.AsSpan(MasterKeyLength, MasterKeyLength);

    /// <summary>The DTLS client's SRTP master salt.</summary>
    public ReadOnlySpan<byte> ClientWriteMasterSalt => _keyingMaterial.AsSpan(2 * MasterKeyLength, MasterSaltLength);

    /// <summary>The DTLS server's SRTP master salt.</summary>
    public ReadOnlySpan<byte> ServerWriteMasterSalt => _keyingMaterial.AsSpan((2 * MasterKeyLength) + MasterSaltLength, MasterSaltLength);

    /// <summary>Master key for what we send.</summary>
    public ReadOnlySpan<byte> LocalMasterKey => Role == DtlsRole.Client ? ClientWriteMasterKey : ServerWriteMasterKey;

    /// <summary>Master salt for what we send.</summary>
    public ReadOnlySpan<byte> LocalMasterSalt => Role == DtlsRole.Client ? ClientWriteMasterSalt : ServerWriteMasterSalt;

    /// <summary>Master key for what the peer sends.</summary>
    public ReadOnlySpan<byte> RemoteMasterKey => Role == DtlsRole.Client ? ServerWriteMasterKey : ClientWriteMasterKey;

    /// <summary>Master salt for what the peer sends.</summary>
    public ReadOnlySpan<byte> RemoteMasterSalt => Role == DtlsRole.Client ? ServerWriteMasterSalt : ClientWriteMasterSalt;
}
