using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// One complete DTLS-SRTP handshake per operation (ECDHE P-256/X25519 + ECDSA P-256 on both sides, mutual
/// authentication, keying-material export): our server role against our client role over an in-memory link,
/// both running on a <see cref="DtlsHandshakePool"/>. This is the per-call-setup cost, not a hot path;
/// allocations are reported, not budgeted.
/// </summary>
[MemoryDiagnoser]
public class DtlsBenchmarks
{
    private DtlsHandshakePool _pool = null!;
    private DtlsCertificate _serverCertificate = null!;
    private DtlsCertificate _clientCertificate = null!;
    private DtlsTransportOptions _cmOptions = null!;
    private DtlsTransportOptions _gcmOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = new DtlsHandshakePool(4);
        _serverCertificate = DtlsCertificate.Create();
        _clientCertificate = DtlsCertificate.Create();
        _cmOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80] };
        _gcmOptions = new DtlsTransportOptions { SrtpProtectionProfiles = [DtlsSrtpProtectionProfile.AeadAes128Gcm] };
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(Baseline = true)]
    public int HandshakeAes128CmHmacSha1_80() => Handshake(_cmOptions);

    [Benchmark]
    public int HandshakeAeadAes128Gcm() => Handshake(_gcmOptions);

    private int Handshake(DtlsTransportOptions options)
    {
        var toClient = new Link();
        var toServer = new Link();
        using var server = new DtlsTransport(DtlsRole.Server, _serverCertificate, _clientCertificate.Fingerprint, toClient, options, _pool);
        using var client = new DtlsTransport(DtlsRole.Client, _clientCertificate, _serverCertificate.Fingerprint, toServer, options, _pool);
        toClient.Target = client;
        toServer.Target = server;
        Task<DtlsHandshakeResult> serverHandshake = server.StartAsync();
        Task<DtlsHandshakeResult> clientHandshake = client.StartAsync();
        return serverHandshake.GetAwaiter().GetResult().KeyingMaterial.Length
            + clientHandshake.GetAwaiter().GetResult().KeyingMaterial.Length;
    }

    /// <summary>Delivers every datagram straight to the other transport.</summary>
    private sealed class Link : IDtlsSender
    {
        public DtlsTransport? Target { get; set; }

        public void Send(ReadOnlySpan<byte> datagram) => Target?.OnDatagram(datagram);
    }
}
