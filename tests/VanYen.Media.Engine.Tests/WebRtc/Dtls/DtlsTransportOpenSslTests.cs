using System.Globalization;
using System.Net;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>
/// Interop with a DTLS stack we did not write: OpenSSL 3's s_client and s_server over real UDP on 127.0.0.1
/// must derive the same "EXTRACTOR-dtls_srtp" keying material and SRTP profile as we do.
/// </summary>
public sealed class DtlsTransportOpenSslTests : IDisposable
{
    private static readonly TimeSpan _guard = TimeSpan.FromSeconds(20);

    private readonly DtlsHandshakePool _pool = new(2);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vanyen-dtls-openssl-" + Guid.NewGuid().ToString("N"));
    private readonly string _peerPem;

    public DtlsTransportOpenSslTests()
    {
        Directory.CreateDirectory(_folder);
        _peerPem = Path.Combine(_folder, "peer.pem");
        File.WriteAllText(_peerPem, DtlsTestCertificates.Client.ExportPem());
    }

    public static TheoryData<ushort, string> Profiles => new()
    {
        { DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80, "SRTP_AES128_CM_SHA1_80" },
        { DtlsSrtpProtectionProfile.AeadAes128Gcm, "SRTP_AEAD_AES_128_GCM" },
    };

    public void Dispose()
    {
        _pool.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task OpenSslClientAndOurServerExportTheSameKeyingMaterial(ushort profile, string openSslProfileName)
    {
        using var endpoint = new UdpDtlsEndpoint();
        using var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, endpoint, pool: _pool);
        endpoint.Transport = transport;
        endpoint.StartReceiving();
        Task<DtlsHandshakeResult> handshake = transport.StartAsync();
        int length = DtlsSrtpProtectionProfile.GetKeyingMaterialLength(profile);

        using var openssl = OpenSslProcess.Start(
            "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-use_srtp", openSslProfileName, "-cert", _peerPem, "-key", _peerPem,
            "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", length.ToString(CultureInfo.InvariantCulture));

        DtlsHandshakeResult result = await handshake.WaitAsync(_guard);
        string keyingMaterial = await openssl.WaitForLineAsync("Keying material:", _guard);
        string negotiated = await openssl.WaitForLineAsync("SRTP Extension negotiated", _guard);

        Assert.Equal(profile, result.SrtpProtectionProfile);
        Assert.EndsWith("profile=" + openSslProfileName, negotiated.Trim(), StringComparison.Ordinal);
        Assert.Equal(ParseHex(keyingMaterial), result.KeyingMaterial.ToArray());
        Assert.Equal(DtlsTestCertificates.Client.Fingerprint, result.PeerFingerprint);
        Assert.Contains("Extended master secret: yes", openssl.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task OurClientAndOpenSslServerExportTheSameKeyingMaterial(ushort profile, string openSslProfileName)
    {
        int port = UdpDtlsEndpoint.FreeUdpPort();
        int length = DtlsSrtpProtectionProfile.GetKeyingMaterialLength(profile);
        using var openssl = OpenSslProcess.Start(
            "s_server", "-dtls1_2", "-accept", "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "-use_srtp", openSslProfileName, "-cert", _peerPem, "-key", _peerPem, "-Verify", "1",
            "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", length.ToString(CultureInfo.InvariantCulture));
        await openssl.WaitForLineAsync("ACCEPT", _guard);

        using var endpoint = new UdpDtlsEndpoint(new IPEndPoint(IPAddress.Loopback, port));
        using var transport = new DtlsTransport(
            DtlsRole.Client, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, endpoint, pool: _pool);
        endpoint.Transport = transport;
        endpoint.StartReceiving();

        DtlsHandshakeResult result = await transport.StartAsync().WaitAsync(_guard);
        string keyingMaterial = await openssl.WaitForLineAsync("Keying material:", _guard);
        string negotiated = await openssl.WaitForLineAsync("SRTP Extension negotiated", _guard);

        Assert.Equal(profile, result.SrtpProtectionProfile);
        Assert.EndsWith("profile=" + openSslProfileName, negotiated.Trim(), StringComparison.Ordinal);
        Assert.Equal(ParseHex(keyingMaterial), result.KeyingMaterial.ToArray());
        Assert.Equal(DtlsTestCertificates.Client.Fingerprint, result.PeerFingerprint);
    }

    [Fact]
    public async Task AClientHelloFragmentedAcrossSeveralDatagramsIsReassembled()
    {
        // Like a browser's ClientHello with post-quantum key shares: a long server name and a 256-byte MTU make
        // OpenSSL split its 441-byte ClientHello into three fragments, each in its own datagram.
        using var endpoint = new UdpDtlsEndpoint();
        using var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, endpoint, pool: _pool);
        endpoint.Transport = transport;
        endpoint.StartReceiving();
        Task<DtlsHandshakeResult> handshake = transport.StartAsync();
        string longName = string.Join('.', Enumerable.Repeat(new string('a', 60), 4));

        using var openssl = OpenSslProcess.Start(
            "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-mtu", "256", "-servername", longName,
            "-use_srtp", "SRTP_AES128_CM_SHA1_80", "-cert", _peerPem, "-key", _peerPem,
            "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", "60");

        DtlsHandshakeResult result = await handshake.WaitAsync(_guard);
        string keyingMaterial = await openssl.WaitForLineAsync("Keying material:", _guard);

        Assert.Equal(ParseHex(keyingMaterial), result.KeyingMaterial.ToArray());
        Assert.True(endpoint.ClientHelloFragmentCount >= 3, $"{endpoint.ClientHelloFragmentCount} ClientHello fragments");
    }

    [Fact]
    public async Task OpenSslClientWithAnUnexpectedCertificateIsRejectedForItsFingerprint()
    {
        using var endpoint = new UdpDtlsEndpoint();
        using var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Stranger.Fingerprint, endpoint, pool: _pool);
        endpoint.Transport = transport;
        endpoint.StartReceiving();
        Task<DtlsHandshakeResult> handshake = transport.StartAsync();

        using var openssl = OpenSslProcess.Start(
            "s_client", "-dtls1_2", "-connect", "127.0.0.1:" + endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-use_srtp", "SRTP_AES128_CM_SHA1_80", "-cert", _peerPem, "-key", _peerPem);

        var failure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => handshake.WaitAsync(_guard));
        Assert.Equal(DtlsCloseReason.FingerprintMismatch, failure.Reason);
        await openssl.WaitForLineAsync("bad certificate", _guard);
    }

    private static byte[] ParseHex(string line)
    {
        string hex = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return Convert.FromHexString(hex);
    }
}
