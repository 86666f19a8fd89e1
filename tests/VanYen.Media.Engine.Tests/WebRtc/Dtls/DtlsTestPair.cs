using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>Our server role and our client role wired back to back over two <see cref="InMemoryDtlsLink"/>s.</summary>
internal sealed class DtlsTestPair : IDisposable
{
    public DtlsTestPair(
        DtlsHandshakePool pool,
        DtlsTransportOptions? serverOptions = null,
        DtlsTransportOptions? clientOptions = null,
        DtlsFingerprint? serverExpects = null,
        DtlsFingerprint? clientExpects = null)
    {
        ServerCertificate = DtlsTestCertificates.Server;
        ClientCertificate = DtlsTestCertificates.Client;
        Server = new DtlsTransport(
            DtlsRole.Server, ServerCertificate, serverExpects ?? ClientCertificate.Fingerprint, ServerToClient, serverOptions, pool);
        Client = new DtlsTransport(
            DtlsRole.Client, ClientCertificate, clientExpects ?? ServerCertificate.Fingerprint, ClientToServer, clientOptions, pool);
        ServerToClient.Target = Client;
        ClientToServer.Target = Server;
    }

    public DtlsCertificate ServerCertificate { get; }

    public DtlsCertificate ClientCertificate { get; }

    public InMemoryDtlsLink ServerToClient { get; } = new();

    public InMemoryDtlsLink ClientToServer { get; } = new();

    public DtlsTransport Server { get; }

    public DtlsTransport Client { get; }

    /// <summary>Starts both sides and waits (at most <paramref name="guard"/>) for both results.</summary>
    public async Task<(DtlsHandshakeResult Server, DtlsHandshakeResult Client)> HandshakeAsync(TimeSpan? guard = null)
    {
        Task<DtlsHandshakeResult> server = Server.StartAsync();
        Task<DtlsHandshakeResult> client = Client.StartAsync();
        await Task.WhenAll(server, client).WaitAsync(guard ?? TimeSpan.FromSeconds(20));
        return (await server, await client);
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
