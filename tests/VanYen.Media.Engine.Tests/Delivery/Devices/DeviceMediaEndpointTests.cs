using System.Net;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.Delivery.Devices;

public sealed class DeviceMediaEndpointTests : IAsyncLifetime
{
    private const long ClusterId = 7;
    private const string ProgramId = "program-1";

    private readonly short[] _pcm = new short[960];
    private readonly Dictionary<long, ClusterChannel> _channels = [];
    private FakeTimeProvider? _time;
    private DeviceMediaEndpoint? _endpoint;
    private UdpMediaSocket? _socket;

    private DeviceMediaEndpoint Endpoint => _endpoint!;

    private ClusterChannel Channel => GetChannel(ClusterId);

    private IPEndPoint ServerEndPoint => new(IPAddress.Loopback, _socket!.Port);

    public Task InitializeAsync() => StartAsync(SrtpProtectionProfile.AeadAes128Gcm, fakeTime: false);

    public async Task DisposeAsync()
    {
        _endpoint?.Dispose();
        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    [InlineData(SrtpProtectionProfile.AesCm128HmacSha1_80)]
    public async Task ARegisteredDeviceReceivesAndDecryptsExactlyThePublishedPackets(SrtpProtectionProfile profile)
    {
        await RestartAsync(profile, fakeTime: false);
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        Assert.Equal(profile, credentials.Profile);
        Assert.Equal(Channel.Ssrc, credentials.Ssrc);

        // Before any keepalive the server does not know where the device is.
        Publish(1);
        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));

        IPEndPoint? mapped = device.Keepalive();
        Assert.Equal(device.LocalEndPoint, mapped);

        var sent = new List<byte[]>();
        for (int i = 0; i < 20; i++)
        {
            sent.Add(Publish((byte)(i + 10)));
            if (i % 5 == 2)
            {
                Channel.Publish(null, [0xF8], _pcm); // idle ticks are not sent
            }
        }

        for (int i = 0; i < sent.Count; i++)
        {
            byte[]? received = device.ReceiveRtp(TimeSpan.FromSeconds(5));
            Assert.NotNull(received);
            Assert.Equal(sent[i], received);
        }

        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
        Assert.Equal(0, device.UnprotectFailures);
        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Equal(20, status!.PacketsSent);
        Assert.Equal(device.LocalEndPoint, status.RemoteEndPoint);
        Assert.NotNull(status.LastKeepalive);
        Assert.Equal(ProgramId, status.PlayingProgramId);
        Assert.False(status.KeepaliveExpired);
    }

    [Fact]
    public void AKeepaliveWithAWrongKeyIsIgnoredAndCounted()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        byte[] wrongKey = (byte[])credentials.KeepaliveKey.Clone();
        wrongKey[0] ^= 1;

        byte[] transaction = device.SendKeepalive(wrongKey);
        Assert.Null(device.WaitForKeepaliveResponse(transaction, FakeDevice.ShortWait));
        transaction = device.SendKeepalive(username: "speaker-unknown");
        Assert.Null(device.WaitForKeepaliveResponse(transaction, FakeDevice.ShortWait));

        Assert.Equal(2, Endpoint.DroppedUnauthenticatedKeepalives);
        Assert.Equal(0, Endpoint.KeepalivesAccepted);
        Publish(1);
        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Null(status!.RemoteEndPoint);
    }

    [Fact]
    public void ReRegisteringGivesNewKeysAndTheOldOnesStopWorking()
    {
        DeviceMediaCredentials first = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(first, ServerEndPoint);
        Assert.NotNull(device.Keepalive());

        DeviceMediaCredentials second = Endpoint.Register("speaker-1", ClusterId);
        Assert.NotEqual(first.KeepaliveKey, second.KeepaliveKey);
        Assert.NotEqual(first.ServerMasterKeyAndSalt, second.ServerMasterKeyAndSalt);
        Assert.NotEqual(first.DeviceMasterKeyAndSalt, second.DeviceMasterKeyAndSalt);
        Assert.Equal(1, Endpoint.DeviceCount);
        Assert.Equal(1, Channel.SinkCount);

        // The old keepalive key no longer authenticates, and the new session has no address yet.
        byte[] transaction = device.SendKeepalive(first.KeepaliveKey);
        Assert.Null(device.WaitForKeepaliveResponse(transaction, FakeDevice.ShortWait));
        Assert.Equal(1, Endpoint.DroppedUnauthenticatedKeepalives);
        Publish(1);
        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));

        // With the new keys, media flows again and the old server key does not decrypt it.
        device.UseCredentials(second);
        Assert.NotNull(device.Keepalive());
        byte[] sent = Publish(2);
        Assert.Equal(sent, device.ReceiveRtp(TimeSpan.FromSeconds(5)));

        using SrtpContext oldKey = FakeDevice.CreateContext(first.Profile, first.ServerMasterKeyAndSalt);
        using SrtpContext serverSide = FakeDevice.CreateContext(second.Profile, second.ServerMasterKeyAndSalt);
        byte[] protectedPacket = new byte[sent.Length + 16];
        Assert.True(serverSide.TryProtectRtp(sent, protectedPacket, out int length));
        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, oldKey.UnprotectRtp(protectedPacket.AsSpan(0, length), out _));
    }

    [Fact]
    public void UnregisteringStopsTheMediaAndForgetsTheKeys()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        Assert.NotNull(device.Keepalive());

        Assert.True(Endpoint.Unregister("speaker-1"));
        Assert.False(Endpoint.Unregister("speaker-1"));
        Assert.Equal(0, Channel.SinkCount);
        Assert.False(Endpoint.TryGetStatus("speaker-1", out _));
        Publish(1);
        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
        byte[] transaction = device.SendKeepalive();
        Assert.Null(device.WaitForKeepaliveResponse(transaction, FakeDevice.ShortWait));
    }

    [Fact]
    public void AKeepaliveFromANewPortMovesTheMediaThere()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        using var intruder = new FakeDevice(credentials with { KeepaliveKey = new byte[20] }, ServerEndPoint);
        Assert.NotNull(device.Keepalive());
        IPEndPoint firstAddress = device.LocalEndPoint;

        // An unauthenticated keepalive from elsewhere does not move the device.
        Assert.Null(intruder.WaitForKeepaliveResponse(intruder.SendKeepalive(), FakeDevice.ShortWait));
        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Equal(firstAddress, status!.RemoteEndPoint);

        device.Rebind();
        Assert.NotEqual(firstAddress, device.LocalEndPoint);
        Assert.Equal(device.LocalEndPoint, device.Keepalive());
        byte[] sent = Publish(3);
        Assert.Equal(sent, device.ReceiveRtp(TimeSpan.FromSeconds(5)));
        Assert.True(Endpoint.TryGetStatus("speaker-1", out status));
        Assert.Equal(device.LocalEndPoint, status!.RemoteEndPoint);
        Assert.Null(intruder.ReceiveRtp(FakeDevice.ShortWait));
    }

    [Fact]
    public async Task ADeviceWithoutKeepaliveFor30SecondsStopsGettingMediaUntilTheNextOne()
    {
        await RestartAsync(SrtpProtectionProfile.AeadAes128Gcm, fakeTime: true);
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        Assert.NotNull(device.Keepalive());

        _time!.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Publish(1), device.ReceiveRtp(TimeSpan.FromSeconds(5)));

        _time.Advance(TimeSpan.FromSeconds(1));
        Publish(2);
        Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.True(status!.KeepaliveExpired);
        Assert.Equal(1, status.PacketsSent);

        Assert.NotNull(device.Keepalive());
        Assert.Equal(Publish(3), device.ReceiveRtp(TimeSpan.FromSeconds(5)));
        Assert.True(Endpoint.TryGetStatus("speaker-1", out status));
        Assert.False(status!.KeepaliveExpired);
    }

    [Fact]
    public void AReceiverReportUpdatesTheStatusAndABadOneIsCounted()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        Assert.NotNull(device.Keepalive());

        using SrtpContext wrongKey = FakeDevice.CreateContext(credentials.Profile, credentials.ServerMasterKeyAndSalt);
        device.SendReceiverReport(0x1234, fractionLost: 128, jitter: 480, wrongKey);
        device.SendReceiverReport(0x1234, fractionLost: 64, jitter: 960);
        WaitUntil(() => Endpoint.ReportsAccepted == 1 && Endpoint.DroppedReportAuthentication == 1);

        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Equal(0.25, status!.FractionLost);
        Assert.Equal(20.0, status.JitterMilliseconds);
    }

    [Fact]
    public void AReceiverReportFromAnUnknownAddressIsDropped()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        device.SendReceiverReport(0x1234, fractionLost: 64, jitter: 960);
        WaitUntil(() => Endpoint.DroppedUnknownSource == 1);
        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Null(status!.FractionLost);
    }

    [Fact]
    public void FuzzedDatagramsNeverThrow()
    {
        using var endpoint = new DeviceMediaEndpoint(GetChannel);
        DeviceMediaCredentials credentials = endpoint.Register("speaker-1", ClusterId);
        var (server, client) = InMemoryPacketTransport.CreatePair(endpoint, new NullHandler());
        var random = new Random(4242);
        byte[] keepalive = BuildKeepalive(credentials);
        byte[] datagram = new byte[1400];
        for (int i = 0; i < 20_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(1, datagram.Length);
                random.NextBytes(datagram.AsSpan(0, length));

                // Steer the first byte into each RFC 7983 range so every parser gets its share.
                datagram[0] = (byte)((i % 8) switch { 0 => random.Next(0, 4), 2 => random.Next(128, 192), 4 => 0x80, _ => random.Next(0, 256) });
                if (i % 8 == 4)
                {
                    datagram[1] = (byte)random.Next(192, 224);
                }
            }
            else
            {
                keepalive.CopyTo(datagram, 0);
                length = keepalive.Length;
                datagram[random.Next(length)] ^= (byte)random.Next(1, 256);
            }

            client.TrySend(datagram.AsSpan(0, length), server.LocalAddress);
        }

        Assert.Equal(0, server.Counters.HandlerErrors);
        Assert.True(endpoint.DroppedMalformedKeepalives + endpoint.DroppedUnauthenticatedKeepalives > 0);
        server.Dispose();
        client.Dispose();
    }

    [Fact]
    public void SendingToADeviceAllocatesNothing()
    {
        DeviceMediaCredentials credentials = Endpoint.Register("speaker-1", ClusterId);
        using var device = new FakeDevice(credentials, ServerEndPoint);
        Assert.NotNull(device.Keepalive());
        byte[] payload = new byte[80];
        WaitForKeepaliveAnswersCounted();
        long before = _socket!.Counters.PacketsSent;

        AllocationBudget.AssertZero(() => Channel.Publish(ProgramId, payload, _pcm), iterations: 2_000);

        Assert.True(Endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Equal(3_000, status!.PacketsSent);
        Assert.Equal(3_000, _socket.Counters.PacketsSent - before);
    }

    // The socket counts a send after the syscall returns, so a keepalive answer the device already read may not be
    // counted yet: wait until every accepted keepalive's answer is, before counting program packets.
    private void WaitForKeepaliveAnswersCounted() =>
        Assert.True(SpinWait.SpinUntil(() => _socket!.Counters.PacketsSent >= Endpoint.KeepalivesAccepted, TimeSpan.FromSeconds(5)));

    private static byte[] BuildKeepalive(DeviceMediaCredentials credentials)
    {
        byte[] buffer = new byte[256];
        var writer = new VanYen.Media.Engine.WebRtc.Stun.StunMessageWriter(buffer, VanYen.Media.Engine.WebRtc.Stun.StunMethod.Binding, VanYen.Media.Engine.WebRtc.Stun.StunMessageClass.Request, new byte[12]);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(credentials.DeviceId));
        writer.AddMessageIntegrity(credentials.KeepaliveKey);
        return buffer.AsSpan(0, writer.AddFingerprint()).ToArray();
    }

    private static void WaitUntil(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 5 s");
            Thread.Yield();
        }
    }

    private ClusterChannel GetChannel(long clusterId)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue(clusterId, out ClusterChannel? channel))
            {
                channel = new ClusterChannel(clusterId);
                _channels[clusterId] = channel;
            }

            return channel;
        }
    }

    /// <summary>Publishes one program frame whose payload is filled with <paramref name="marker"/>; returns the RTP packet.</summary>
    private byte[] Publish(byte marker)
    {
        byte[] payload = new byte[60];
        Array.Fill(payload, marker);
        byte[]? packet = null;
        var capture = new CapturingSink(bytes => packet = bytes);
        using (Channel.Attach(capture))
        {
            Channel.Publish(ProgramId, payload, _pcm);
        }

        Assert.True(RtpPacket.TryParse(packet, out RtpPacket parsed));
        Assert.Equal(Channel.Ssrc, parsed.Ssrc);
        return packet!;
    }

    private async Task RestartAsync(SrtpProtectionProfile profile, bool fakeTime)
    {
        await DisposeAsync();
        await StartAsync(profile, fakeTime);
    }

    private Task StartAsync(SrtpProtectionProfile profile, bool fakeTime)
    {
        _time = fakeTime ? new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000)) : null;
        _endpoint = new DeviceMediaEndpoint(GetChannel, profile, timeProvider: _time);
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), _endpoint, new UdpMediaSocketOptions { Name = "devices-test", DualMode = false });
        _endpoint.Attach(_socket);
        return Task.CompletedTask;
    }

    private sealed class CapturingSink(Action<byte[]> capture) : IClusterSink
    {
        public void OnFrame(in ClusterFrame frame) => capture(frame.RtpPacket.ToArray());
    }

    private sealed class NullHandler : IDatagramHandler
    {
        public void OnDatagram(ReceivedDatagram datagram)
        {
        }
    }
}
