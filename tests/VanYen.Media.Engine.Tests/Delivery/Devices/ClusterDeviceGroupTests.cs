using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.Delivery.Devices;

/// <summary>The fan-out of a cluster to its devices in send batches (one sendmmsg per 64 devices on Linux).</summary>
public sealed class ClusterDeviceGroupTests : IAsyncLifetime
{
    private const string ProgramId = "program-1";

    private readonly short[] _pcm = new short[960];
    private readonly Dictionary<long, ClusterChannel> _channels = [];
    private readonly List<FakeDevice> _devices = [];
    private DeviceMediaEndpoint? _endpoint;
    private UdpMediaSocket? _socket;

    private DeviceMediaEndpoint Endpoint => _endpoint!;

    private IPEndPoint ServerEndPoint => new(IPAddress.Loopback, _socket!.Port);

    public Task InitializeAsync()
    {
        _endpoint = new DeviceMediaEndpoint(GetChannel);
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), _endpoint, new UdpMediaSocketOptions { Name = "device-group-test", DualMode = false });
        _endpoint.Attach(_socket);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (FakeDevice device in _devices)
        {
            device.Dispose();
        }

        _endpoint?.Dispose();
        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EveryDeviceOfAClusterDecryptsExactlyThePublishedPackets(bool batchSends)
    {
        Endpoint.BatchSends = batchSends;
        FakeDevice[] devices = RegisterDevices(clusterId: 1, count: 150);
        WaitForKeepaliveAnswersCounted();
        long sentBefore = _socket!.Counters.PacketsSent;

        byte[][] sent = [Publish(1, 1), Publish(1, 2), Publish(1, 3)];

        // One sink for the whole cluster, however many devices.
        Assert.Equal(1, GetChannel(1).SinkCount);
        foreach (FakeDevice device in devices)
        {
            for (int i = 0; i < sent.Length; i++)
            {
                Assert.Equal(sent[i], device.ReceiveRtp(TimeSpan.FromSeconds(5)));
            }

            Assert.Equal(0, device.UnprotectFailures);
            Assert.True(Endpoint.TryGetStatus(device.Credentials.DeviceId, out DeviceMediaStatus? status));
            Assert.Equal(3, status!.PacketsSent);
        }

        Assert.Equal(3 * devices.Length, _socket.Counters.PacketsSent - sentBefore);
        Assert.Equal(0, _socket.Counters.SendErrors);
    }

    [Fact]
    public void DevicesOfTwoClustersGetOnlyTheirOwnClustersPackets()
    {
        FakeDevice[] first = RegisterDevices(clusterId: 1, count: 3);
        FakeDevice[] second = RegisterDevices(clusterId: 2, count: 3);

        byte[] firstPacket = Publish(1, 0x11);
        byte[] secondPacket = Publish(2, 0x22);

        Assert.Equal(1, GetChannel(1).SinkCount);
        Assert.Equal(1, GetChannel(2).SinkCount);
        foreach (FakeDevice device in first)
        {
            Assert.Equal(firstPacket, device.ReceiveRtp(TimeSpan.FromSeconds(5)));
            Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
            Assert.Equal(0, device.UnprotectFailures);
        }

        foreach (FakeDevice device in second)
        {
            Assert.Equal(secondPacket, device.ReceiveRtp(TimeSpan.FromSeconds(5)));
            Assert.Null(device.ReceiveRtp(FakeDevice.ShortWait));
            Assert.Equal(0, device.UnprotectFailures);
        }
    }

    [Fact]
    public void TheLastDeviceLeavingDetachesTheClusterAndANewOneAttachesItAgain()
    {
        RegisterDevices(clusterId: 1, count: 2);
        Assert.True(Endpoint.Unregister("cluster-1-device-0"));
        Assert.Equal(1, GetChannel(1).SinkCount);
        Assert.True(Endpoint.Unregister("cluster-1-device-1"));
        Assert.Equal(0, GetChannel(1).SinkCount);

        FakeDevice device = RegisterDevices(clusterId: 1, count: 1)[0];
        Assert.Equal(1, GetChannel(1).SinkCount);
        byte[] packet = Publish(1, 7);
        Assert.Equal(packet, device.ReceiveRtp(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ADeviceWhosePacketTheTransportRefusesIsNotCountedAndTheOthersStillGetTheirs()
    {
        using var endpoint = new DeviceMediaEndpoint(GetChannel);
        var (server, client) = InMemoryPacketTransport.CreatePair(endpoint, new NullHandler());
        using (server)
        using (client)
        {
            endpoint.Attach(server);
            DeviceMediaCredentials reachable = endpoint.Register("reachable", 5);
            DeviceMediaCredentials unreachable = endpoint.Register("unreachable", 5);
            Assert.True(client.TrySend(BuildKeepalive(reachable), server.LocalAddress));

            // The in-memory transport only reaches its peer: media to this address fails to send.
            var pool = new PacketBufferPool(2);
            var dispatcher = new DatagramDispatcher(endpoint, server, server.Counters, NullLogger.Instance);
            Assert.True(pool.TryRent(out PacketBuffer buffer));
            byte[] keepalive = BuildKeepalive(unreachable);
            keepalive.CopyTo(buffer.Span);
            dispatcher.Dispatch(buffer, keepalive.Length, new IPEndPoint(IPAddress.Parse("10.0.0.2"), 40000).Serialize());
            Assert.Equal(2, endpoint.KeepalivesAccepted);
            long errorsBefore = server.Counters.SendErrors;

            GetChannel(5).Publish(ProgramId, new byte[40], _pcm);

            Assert.Equal(1, server.Counters.SendErrors - errorsBefore);
            Assert.True(endpoint.TryGetStatus("reachable", out DeviceMediaStatus? reached));
            Assert.Equal(1, reached!.PacketsSent);
            Assert.True(endpoint.TryGetStatus("unreachable", out DeviceMediaStatus? refused));
            Assert.Equal(0, refused!.PacketsSent);
        }
    }

    [Fact]
    public void PublishingToManyDevicesInBatchesAllocatesNothing()
    {
        FakeDevice[] devices = RegisterDevices(clusterId: 1, count: 70);
        ClusterChannel channel = GetChannel(1);
        byte[] payload = new byte[80];
        WaitForKeepaliveAnswersCounted();
        long sentBefore = _socket!.Counters.PacketsSent;

        // The devices do not read: loopback drops what overflows their buffers, the server is not told.
        AllocationBudget.AssertZero(() => channel.Publish(ProgramId, payload, _pcm), iterations: 500);

        Assert.Equal(1_500L * devices.Length, _socket.Counters.PacketsSent - sentBefore);
        Assert.True(Endpoint.TryGetStatus(devices[^1].Credentials.DeviceId, out DeviceMediaStatus? status));
        Assert.Equal(1_500, status!.PacketsSent);
    }

    // The socket counts a send after the syscall returns, so a keepalive answer the device already read may not be
    // counted yet: wait until every accepted keepalive's answer is, before counting program packets.
    private void WaitForKeepaliveAnswersCounted() =>
        Assert.True(SpinWait.SpinUntil(() => _socket!.Counters.PacketsSent >= Endpoint.KeepalivesAccepted, TimeSpan.FromSeconds(5)));

    private static byte[] BuildKeepalive(DeviceMediaCredentials credentials)
    {
        byte[] buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(credentials.DeviceId));
        writer.AddMessageIntegrity(credentials.KeepaliveKey);
        return buffer.AsSpan(0, writer.AddFingerprint()).ToArray();
    }

    private FakeDevice[] RegisterDevices(long clusterId, int count)
    {
        var devices = new FakeDevice[count];
        for (int i = 0; i < count; i++)
        {
            DeviceMediaCredentials credentials = Endpoint.Register($"cluster-{clusterId}-device-{i}", clusterId);
            devices[i] = new FakeDevice(credentials, ServerEndPoint);
            _devices.Add(devices[i]);
            Assert.NotNull(devices[i].Keepalive());
        }

        return devices;
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

    /// <summary>Publishes one program frame on <paramref name="clusterId"/> with a payload of <paramref name="marker"/>; returns the RTP packet.</summary>
    private byte[] Publish(long clusterId, byte marker)
    {
        byte[] payload = new byte[60];
        Array.Fill(payload, marker);
        byte[]? packet = null;
        ClusterChannel channel = GetChannel(clusterId);
        using (channel.Attach(new CapturingSink(bytes => packet = bytes)))
        {
            channel.Publish(ProgramId, payload, _pcm);
        }

        return packet!;
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
