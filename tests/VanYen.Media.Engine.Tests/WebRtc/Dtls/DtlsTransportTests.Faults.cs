using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

public sealed partial class DtlsTransportTests
{
    private static readonly TimeSpan _fastRetransmit = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task LosingTheClientHelloOnceIsRepairedByRetransmission()
    {
        var options = new DtlsTransportOptions { InitialRetransmitTimeout = _fastRetransmit };
        using var pair = new DtlsTestPair(_pool, options, options);
        pair.ClientToServer.Drop = (index, _) => index == 0;

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.Equal(1, pair.ClientToServer.DroppedCount);
        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
        Assert.True(IsClientHello(pair.ClientToServer.Sent[1]));
    }

    [Fact]
    public async Task LosingTheServersWholeFirstFlightOnceIsRepairedByRetransmission()
    {
        var options = new DtlsTransportOptions { InitialRetransmitTimeout = _fastRetransmit };
        using var pair = new DtlsTestPair(_pool, options, options);
        int firstFlightLength = -1;
        pair.ServerToClient.Drop = (index, datagram) =>
        {
            // The first flight ends with ServerHelloDone (handshake type 14); drop everything up to it once.
            if (firstFlightLength < 0 && datagram[0] == 22 && datagram[13] == 14)
            {
                firstFlightLength = index + 1;
                return true;
            }

            return firstFlightLength < 0;
        };

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.True(pair.ServerToClient.DroppedCount >= 4);
        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
    }

    [Fact]
    public async Task LosingTheServersFinishedIsRepairedAfterTheServerConsidersItselfConnected()
    {
        // The server is done once its Finished is sent; the client retransmits its last flight and the server,
        // already connected, must answer with its own again (RFC 6347 §4.2.4).
        var options = new DtlsTransportOptions { InitialRetransmitTimeout = _fastRetransmit };
        using var pair = new DtlsTestPair(_pool, options, options);
        bool droppedChangeCipherSpec = false;
        bool droppedFinished = false;
        pair.ServerToClient.Drop = (_, datagram) =>
        {
            if (!droppedChangeCipherSpec && datagram[0] == 20)
            {
                droppedChangeCipherSpec = true;
                return true;
            }

            if (!droppedFinished && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 1)
            {
                droppedFinished = true;
                return true;
            }

            return false;
        };

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.True(droppedChangeCipherSpec);
        Assert.True(droppedFinished);
        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
    }

    [Fact]
    public async Task FlightsFragmentedToA256ByteMtuAreReassembled()
    {
        var options = new DtlsTransportOptions { MaxSendDatagramLength = 256, InitialRetransmitTimeout = _fastRetransmit };
        using var pair = new DtlsTestPair(_pool, options, options);
        pair.ClientToServer.Hold = (_, datagram) => IsClientHello(datagram);

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
        Assert.All(pair.ClientToServer.Sent, datagram => Assert.True(datagram.Length <= 256));
        Assert.All(pair.ServerToClient.Sent, datagram => Assert.True(datagram.Length <= 256));
        Assert.True(pair.ServerToClient.Sent.Count(IsCertificate) >= 2, "the server's Certificate should span several datagrams");
    }

    [Fact]
    public async Task ReorderedDatagramsStillComplete()
    {
        var options = new DtlsTransportOptions { InitialRetransmitTimeout = _fastRetransmit };
        using var pair = new DtlsTestPair(_pool, options, options);
        pair.ServerToClient.Hold = (index, _) => index is 0 or 2;
        pair.ClientToServer.Hold = (index, _) => index == 1;

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();

        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());
    }

    [Fact]
    public async Task ASilentPeerTimesOutWithAClearReasonAtTheConfiguredTimeout()
    {
        var clock = new FakeTimeProvider();
        var options = new DtlsTransportOptions { HandshakeTimeout = TimeSpan.FromSeconds(3), TimeProvider = clock };
        var silence = new InMemoryDtlsLink();
        using var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, silence, options, _pool);

        Task<DtlsHandshakeResult> handshake = transport.StartAsync();
        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(handshake.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var failure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(DtlsCloseReason.HandshakeTimeout, failure.Reason);
        Assert.Contains("within 3 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsTransportState.Failed, transport.State);
    }

    [Fact]
    public async Task AClientWhosePeerNeverAnswersTimesOutAfterOneSecondWhileRetransmitting()
    {
        var options = new DtlsTransportOptions
        {
            HandshakeTimeout = TimeSpan.FromSeconds(1),
            InitialRetransmitTimeout = TimeSpan.FromMilliseconds(200),
        };
        var blackHole = new InMemoryDtlsLink();
        using var transport = new DtlsTransport(
            DtlsRole.Client, DtlsTestCertificates.Client, DtlsTestCertificates.Server.Fingerprint, blackHole, options, _pool);

        Task<DtlsHandshakeResult> handshake = transport.StartAsync();

        var failure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(DtlsCloseReason.HandshakeTimeout, failure.Reason);
        Assert.True(blackHole.Sent.Count >= 2, "the ClientHello should have been retransmitted");
        Assert.All(blackHole.Sent, datagram => Assert.True(datagram.Length <= options.MaxSendDatagramLength));
    }

    [Fact]
    public async Task DisposeCancelsARunningHandshakeAtOnce()
    {
        var silence = new InMemoryDtlsLink();
        var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, silence, pool: _pool);
        Task<DtlsHandshakeResult> handshake = transport.StartAsync();

        transport.Dispose();

        var failure = await Assert.ThrowsAsync<DtlsHandshakeException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(DtlsCloseReason.Disposed, failure.Reason);
        Assert.Equal(DtlsTransportState.Failed, transport.State);
    }

    [Fact]
    public async Task CancellingTheTokenCancelsTheHandshake()
    {
        var silence = new InMemoryDtlsLink();
        using var transport = new DtlsTransport(
            DtlsRole.Client, DtlsTestCertificates.Client, DtlsTestCertificates.Server.Fingerprint, silence, pool: _pool);
        using var cancellation = new CancellationTokenSource();
        Task<DtlsHandshakeResult> handshake = transport.StartAsync(cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(DtlsCloseReason.Cancelled, transport.CloseReason);
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenCancelsTheHandshakeWithoutRunningIt()
    {
        var link = new InMemoryDtlsLink();
        using var transport = new DtlsTransport(
            DtlsRole.Client, DtlsTestCertificates.Client, DtlsTestCertificates.Server.Fingerprint, link, pool: _pool);

        Task<DtlsHandshakeResult> handshake = transport.StartAsync(new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handshake.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(DtlsTransportState.Failed, transport.State);
        Assert.Empty(link.Sent);
    }

    [Fact]
    public void AFullQueueDropsAndCountsInsteadOfBlocking()
    {
        var options = new DtlsTransportOptions { ReceiveQueueCapacity = 4 };
        using var transport = new DtlsTransport(
            DtlsRole.Server, DtlsTestCertificates.Server, DtlsTestCertificates.Client.Fingerprint, new InMemoryDtlsLink(), options, _pool);
        byte[] junk = new byte[100];

        for (int i = 0; i < 10; i++)
        {
            transport.OnDatagram(junk);
        }

        transport.OnDatagram(new byte[options.MaxReceiveDatagramLength + 1]);
        transport.OnDatagram([]);
        Assert.Equal(4, transport.ReceivedDatagramCount);
        Assert.Equal(8, transport.DroppedDatagramCount);
    }

    [Fact]
    public async Task JunkBeforeDuringAndAfterTheHandshakeIsDiscarded()
    {
        var random = new Random(5764);

        // Room for all the junk, so the final close_notify is never the datagram a full queue drops.
        var options = new DtlsTransportOptions { ReceiveQueueCapacity = 1024 };
        using var pair = new DtlsTestPair(_pool, options, options);
        for (int i = 0; i < 50; i++)
        {
            pair.Server.OnDatagram(RandomDatagram(random));
        }

        object junkLock = new();
        pair.ServerToClient.BeforeDelivery = target =>
        {
            lock (junkLock)
            {
                target.OnDatagram(RandomDatagram(random));
                target.OnDatagram(RecordShapedJunk(random));
            }
        };
        pair.ClientToServer.BeforeDelivery = pair.ServerToClient.BeforeDelivery;

        (DtlsHandshakeResult server, DtlsHandshakeResult client) = await pair.HandshakeAsync();
        Assert.Equal(server.KeyingMaterial.ToArray(), client.KeyingMaterial.ToArray());

        pair.ServerToClient.BeforeDelivery = null;
        pair.ClientToServer.BeforeDelivery = null;
        var closed = new TaskCompletionSource<DtlsClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.Closed += (_, e) => closed.TrySetResult(e);
        for (int i = 0; i < 200; i++)
        {
            byte[] datagram = i % 2 == 0 ? RandomDatagram(random) : RecordShapedJunk(random);
            pair.Server.OnDatagram(datagram);
            pair.Client.OnDatagram(datagram);
        }

        // The close_notify queues behind the junk: the server closing for that reason (not a protocol error)
        // shows the junk was processed and discarded.
        pair.Client.Dispose();
        DtlsClosedEventArgs args = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(args.Reason == DtlsCloseReason.PeerClosed, args.Reason + ": " + args.Message);
    }

    private static bool IsClientHello(byte[] datagram) => datagram.Length > 13 && datagram[0] == 22 && datagram[13] == 1;

    private static bool IsCertificate(byte[] datagram) => datagram.Length > 13 && datagram[0] == 22 && datagram[13] == 11;

    private static byte[] RandomDatagram(Random random)
    {
        byte[] datagram = new byte[random.Next(1, 1400)];
        random.NextBytes(datagram);

        // Never a plaintext alert: a well-formed epoch-0 alert is indistinguishable from a real one.
        if (datagram[0] == 21)
        {
            datagram[0] = 23;
        }

        return datagram;
    }

    /// <summary>A DTLS 1.2 record header with a consistent length, epoch 1, and a body that cannot authenticate.</summary>
    private static byte[] RecordShapedJunk(Random random)
    {
        int bodyLength = random.Next(1, 300);
        byte[] record = new byte[13 + bodyLength];
        random.NextBytes(record);
        record[0] = random.Next(2) == 0 ? (byte)23 : (byte)22;
        record[1] = 0xFE;
        record[2] = 0xFD;
        record[3] = 0;
        record[4] = 1;
        record[11] = (byte)(bodyLength >> 8);
        record[12] = (byte)bodyLength;
        return record;
    }
}
