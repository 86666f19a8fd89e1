using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

public sealed partial class DtlsTransportTests : IDisposable
{
    private readonly DtlsHandshakePool _pool = new(4);

    public void Dispose() => _pool.Dispose();

    public static TheoryData<ushort> Profiles => new()
    {
        DtlsSrtpProtectionProfile.AeadAes128Gcm,
        DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80,
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task BothRolesAgreeOnTheServersPreferredProfileAndTheKeyingMaterial(ushort preferred)
    {
        ushort other = preferred == DtlsSrtpProtectionProfile.AeadAes128Gcm
            ? DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80
            : DtlsSrtpProtectionProfile.AeadAes128Gcm;
        var serverOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [preferred, other] };
        var clientOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [other, preferred] };
        using var pair = new DtlsTestPair(_pool, serverOptions, clientOptions);

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.Equal(preferred, server.SrtpProtectionProfile);
        Assert.Equal(preferred, client.SrtpProtectionProfile);
        Assert.Equal(DtlsSrtpProtectionProfile.GetKeyingMaterialLength(preferred), server.KeyingMaterial.Length);
        Assert.Equal(preferred == DtlsSrtpProtectionProfile.AeadAes128Gcm ? 56 : 60, client.KeyingMaterial.Length);
        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
        Assert.Equal(pair.ClientCertificate.Fingerprint, server.PeerFingerprint);
        Assert.Equal(pair.ServerCertificate.Fingerprint, client.PeerFingerprint);
        Assert.Equal(DtlsRole.Server, server.Role);
        Assert.Equal(DtlsRole.Client, client.Role);
        Assert.Equal(DtlsTransportState.Connected, pair.Server.State);
        Assert.Equal(DtlsTransportState.Connected, pair.Client.State);
        Assert.Same(server, pair.Server.HandshakeResult);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task LocalAndRemoteKeysAreTheRfc5764HalvesSeenFromEachSide(ushort profile)
    {
        var options = new DtlsTransportOptions { SrtpProtectionProfiles = [profile] };
        using var pair = new DtlsTestPair(_pool, options, options);

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        int key = server.MasterKeyLength;
        int salt = server.MasterSaltLength;
        byte[] material = server.KeyingMaterial.ToArray();
        Assert.Equal(16, key);
        Assert.Equal(profile == DtlsSrtpProtectionProfile.AeadAes128Gcm ? 12 : 14, salt);
        Assert.Equal(material[..key], server.ClientWriteMasterKey.ToArray());
        Assert.Equal(material[key..(2 * key)], server.ServerWriteMasterKey.ToArray());
        Assert.Equal(material[(2 * key)..((2 * key) + salt)], server.ClientWriteMasterSalt.ToArray());
        Assert.Equal(material[((2 * key) + salt)..], server.ServerWriteMasterSalt.ToArray());
        Assert.Equal(server.LocalMasterKey.ToArray(), client.RemoteMasterKey.ToArray());
        Assert.Equal(server.LocalMasterSalt.ToArray(), client.RemoteMasterSalt.ToArray());
        Assert.Equal(client.LocalMasterKey.ToArray(), server.RemoteMasterKey.ToArray());
        Assert.Equal(client.LocalMasterSalt.ToArray(), server.RemoteMasterSalt.ToArray());
        Assert.NotEqual(server.LocalMasterKey.ToArray(), server.RemoteMasterKey.ToArray());
    }

    [Fact]
    public async Task TheServersCertificateRequestListsEcdsaAsChromeRequires()
    {
        using var pair = new DtlsTestPair(_pool);

        await pair.HandshakeAsync();

        // RFC 5246 §7.4.4 in a DTLS record: 13-byte record header, 12-byte handshake header (type 13), then
        // certificate_types<1..255> and supported_signature_algorithms<2..2^16-2>.
        byte[] request = Assert.Single(pair.ServerToClient.Sent, d => d.Length > 25 && d[0] == 22 && d[13] == 13);
        int typesLength = request[25];
        byte[] types = request[26..(26 + typesLength)];
        int algorithmsOffset = 26 + typesLength;
        int algorithmsLength = (request[algorithmsOffset] << 8) | request[algorithmsOffset + 1];
        byte[] algorithms = request[(algorithmsOffset + 2)..(algorithmsOffset + 2 + algorithmsLength)];
        Assert.Contains((byte)64, types);
        Assert.Contains((byte)1, types);
        Assert.Contains(algorithms.Chunk(2), pair => pair[0] == 4 && pair[1] == 3);
    }

    [Fact]
    public async Task TwoHandshakesExportDifferentKeys()
    {
        using var first = new DtlsTestPair(_pool);
        using var second = new DtlsTestPair(_pool);

        (DtlsHandshakeResult a, _) = await first.HandshakeAsync();
        (DtlsHandshakeResult b, _) = await second.HandshakeAsync();

        Assert.NotEqual(a.KeyingMaterial.ToArray(), b.KeyingMaterial.ToArray());
    }

    [Fact]
    public async Task NoCommonSrtpProfileFailsBothSidesWithAClearReason()
    {
        var serverOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [DtlsSrtpProtectionProfile.AeadAes128Gcm] };
        var clientOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80] };
        using var pair = new DtlsTestPair(_pool, serverOptions, clientOptions);

        Task<DtlsHandshakeResult> server = pair.Server.StartAsync();
        Task<DtlsHandshakeResult> client = pair.Client.StartAsync();

        var serverFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => server.WaitAsync(TimeSpan.FromSeconds(20)));
        var clientFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => client.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(DtlsCloseReason.NoCommonSrtpProfile, serverFailure.Reason);
        Assert.Contains("SRTP_AES128_CM_HMAC_SHA1_80", serverFailure.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsCloseReason.AlertReceived, clientFailure.Reason);
    }

    [Fact]
    public async Task ServerExpectingAnotherFingerprintFailsWithTheMismatchAndTheClientHearsTheAlert()
    {
        using var pair = new DtlsTestPair(_pool, serverExpects: DtlsTestCertificates.Stranger.Fingerprint);
        var closed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.Closed += (_, e) => closed.TrySetResult(e);

        Task<DtlsHandshakeResult> server = pair.Server.StartAsync();
        Task<DtlsHandshakeResult> client = pair.Client.StartAsync();

        var serverFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => server.WaitAsync(TimeSpan.FromSeconds(20)));
        var clientFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => client.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(DtlsCloseReason.FingerprintMismatch, serverFailure.Reason);
        Assert.Contains(pair.ClientCertificate.SdpFingerprint, serverFailure.Message, StringComparison.Ordinal);
        Assert.Contains(DtlsTestCertificates.Stranger.SdpFingerprint, serverFailure.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsCloseReason.AlertReceived, clientFailure.Reason);
        Assert.Contains("bad_certificate", clientFailure.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsTransportState.Failed, pair.Server.State);
        Assert.Equal(DtlsCloseReason.FingerprintMismatch, pair.Server.CloseReason);
        DtlsClosedEventArgs args = await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DtlsCloseReason.FingerprintMismatch, args.Reason);
        Assert.False(args.WasConnected);
    }

    [Fact]
    public async Task ClientExpectingAnotherFingerprintFailsWithTheMismatchAndTheServerHearsTheAlert()
    {
        using var pair = new DtlsTestPair(_pool, clientExpects: DtlsTestCertificates.Stranger.Fingerprint);

        Task<DtlsHandshakeResult> server = pair.Server.StartAsync();
        Task<DtlsHandshakeResult> client = pair.Client.StartAsync();

        var clientFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => client.WaitAsync(TimeSpan.FromSeconds(20)));
        var serverFailure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => server.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(DtlsCloseReason.FingerprintMismatch, clientFailure.Reason);
        Assert.Contains(pair.ServerCertificate.SdpFingerprint, clientFailure.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsCloseReason.AlertReceived, serverFailure.Reason);
    }

    [Fact]
    public async Task AFingerprintWithAnotherHashFunctionIsCheckedWithThatFunction()
    {
        DtlsFingerprint sha512 = DtlsFingerprint.Compute(DtlsFingerprint.Sha512, DtlsTestCertificates.Client.RawData);
        using var pair = new DtlsTestPair(_pool, serverExpects: sha512);

        (DtlsHandshakeResult server, _) = await pair.HandshakeAsync();

        Assert.Equal(DtlsTestCertificates.Client.Fingerprint, server.PeerFingerprint);
    }

    [Fact]
    public async Task DisposingTheClientSendsCloseNotifyWhichClosesTheServer()
    {
        using var pair = new DtlsTestPair(_pool);
        await pair.HandshakeAsync();
        var closed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.Closed += (_, e) => closed.TrySetResult(e);

        pair.Client.Dispose();

        DtlsClosedEventArgs args = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DtlsCloseReason.PeerClosed, args.Reason);
        Assert.True(args.WasConnected);
        Assert.Equal(DtlsTransportState.Closed, pair.Server.State);
        Assert.Equal(DtlsTransportState.Closed, pair.Client.State);
        Assert.Equal(DtlsCloseReason.Disposed, pair.Client.CloseReason);
    }

    [Fact]
    public async Task StartAsyncTwiceThrowsAndAfterDisposeThrowsObjectDisposed()
    {
        using var pair = new DtlsTestPair(_pool);
        Task<DtlsHandshakeResult> first = pair.Server.StartAsync();

        Assert.Throws<InvalidOperationException>(() => { _ = pair.Server.StartAsync(); });
        pair.Server.Dispose();
        await Assert.ThrowsAsync<DtlsHandshakeException>(() => first.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Throws<ObjectDisposedException>(() => { _ = pair.Server.StartAsync(); });
    }

    [Fact]
    public void OptionsRejectUnsupportedProfilesAndTooSmallReceiveLimits()
    {
        var certificate = DtlsTestCertificates.Server;
        var link = new InMemoryDtlsLink();

        Assert.Throws<ArgumentException>(() => new DtlsTransport(
            DtlsRole.Server, certificate, certificate.Fingerprint, link, new DtlsTransportOptions { SrtpProtectionProfiles = [0x0002] }, _pool));
        Assert.Throws<ArgumentException>(() => new DtlsTransport(
            DtlsRole.Server, certificate, certificate.Fingerprint, link, new DtlsTransportOptions { SrtpProtectionProfiles = [] }, _pool));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtlsTransport(
            DtlsRole.Server, certificate, certificate.Fingerprint, link, new DtlsTransportOptions { MaxReceiveDatagramLength = 1200 }, _pool));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtlsTransport(
            DtlsRole.Server, certificate, certificate.Fingerprint, link, new DtlsTransportOptions { HandshakeTimeout = TimeSpan.Zero }, _pool));
    }
}
