using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The SRTP master keys and salts of one DTLS-SRTP association, split from the DTLS exporter
/// output (RFC 5764 §4.2): client key, server key, client salt, server salt. "Local" is what
/// we protect with, "remote" what the peer protects with.
/// </summary>
public sealed class SrtpKeyingMaterial : IDisposable
{
    /// <summary>The exporter label DTLS-SRTP uses (RFC 5764 §4.2).</summary>
    public const string ExporterLabel = "EXTRACTOR-dtls_srtp";

    private readonly byte[] _localMasterKey;
    private readonly byte[] _localMasterSalt;
    private readonly byte[] _remoteMasterKey;
    private readonly byte[] _remoteMasterSalt;

    private SrtpKeyingMaterial(SrtpProtectionProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt)
    {
        Profile = profile;
        _localMasterKey = localKey;
        _localMasterSalt = localSalt;
        _remoteMasterKey = remoteKey;
        _remoteMasterSalt = remoteSalt;
    }

    /// <summary>The negotiated protection profile.</summary>
    public SrtpProtectionProfile Profile { get; }

    /// <summary>The master key we protect outgoing packets with.</summary>
    public ReadOnlySpan<byte> LocalMasterKey => _localMasterKey;

    /// <summary>The master salt we protect outgoing packets with.</summary>
    public ReadOnlySpan<byte> LocalMasterSalt => _localMasterSalt;

    /// <summary>The master key the peer protects its packets with.</summary>
    public ReadOnlySpan<byte> RemoteMasterKey => _remoteMasterKey;

    /// <summary>The master salt the peer protects its packets with.</summary>
    public ReadOnlySpan<byte> RemoteMasterSalt => _remoteMasterSalt;

    /// <summary>
    /// Splits <paramref name="exporterOutput"/> (exactly <see cref="SrtpProtectionProfileExtensions.GetKeyingMaterialLength"/>
    /// bytes exported with <see cref="ExporterLabel"/>) into local and remote keys.
    /// </summary>
    /// <param name="profile">The profile the DTLS handshake selected.</param>
    /// <param name="exporterOutput">client_write_key || server_write_key || client_write_salt || server_write_salt.</param>
    /// <param name="isDtlsClient">True when we were the DTLS client (<c>a=setup:active</c>), false when the server.</param>
    public static SrtpKeyingMaterial Split(SrtpProtectionProfile profile, ReadOnlySpan<byte> exporterOutput, bool isDtlsClient)
    {
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile.");
        }

        int keyLength = profile.GetMasterKeyLength();
        int saltLength = profile.GetMasterSaltLength();
        if (exporterOutput.Length != profile.GetKeyingMaterialLength())
        {
            throw new ArgumentException($"The keying material for {profile} must be {profile.GetKeyingMaterialLength()} bytes.", nameof(exporterOutput));
        }

        byte[] clientKey = exporterOutput[..keyLength].ToArray();
        byte[] serverKey = exporterOutput.Slice(keyLength, keyLength).ToArray();
        byte[] clientSalt = exporterOutput.Slice(2 * keyLength, saltLength).ToArray();
        byte[] serverSalt = exporterOutput.Slice((2 * keyLength) + saltLength, saltLength).ToArray();
        return isDtlsClient
            ? new SrtpKeyingMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
            : new SrtpKeyingMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    /// <summary>A context that protects what we send (local keys).</summary>
    public SrtpContext CreateOutboundContext(int maxStreams = SrtpContext.DefaultMaxStreams, int replayWindowSize = SrtpContext.DefaultReplayWindowSize) =>
        new(Profile, _localMasterKey, _localMasterSalt, maxStreams, replayWindowSize);

    /// <summary>A context that unprotects what the peer sends (remote keys).</summary>
    public SrtpContext CreateInboundContext(int maxStreams = SrtpContext.DefaultMaxStreams, int replayWindowSize = SrtpContext.DefaultReplayWindowSize) =>
        new(Profile, _remoteMasterKey, _remoteMasterSalt, maxStreams, replayWindowSize);

    /// <summary>Wipes the master keys and salts.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_localMasterKey);
        CryptographicOperations.ZeroMemory(_localMasterSalt);
        CryptographicOperations.ZeroMemory(_remoteMasterKey);
        CryptographicOperations.ZeroMemory(_remoteMasterSalt);
    }
}
