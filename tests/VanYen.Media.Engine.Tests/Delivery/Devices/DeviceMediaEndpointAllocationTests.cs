using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.Delivery.Devices;

/// <summary>The receive side of the device port, run through the transports' own dispatcher without sockets.</summary>
public sealed class DeviceMediaEndpointAllocationTests : IDisposable
{
    private readonly ClusterChannel _channel = new(3);
    private readonly DeviceMediaEndpoint _endpoint;
    private readonly NullTransport _transport = new();
    private readonly DatagramDispatcher _dispatcher;
    private readonly PacketBufferPool _pool = new(8);
    private readonly SocketAddress _deviceAddress = new IPEndPoint(IPAddress.Parse("10.0.0.9"), 40000).Serialize();
    private readonly DeviceMediaCredentials _credentials;

    public DeviceMediaEndpointAllocationTests()
    {
        _endpoint = new DeviceMediaEndpoint(_ => _channel);
        _endpoint.Attach(_transport);
        _dispatcher = new DatagramDispatcher(_endpoint, _transport, _transport.Counters, NullLogger.Instance);
        _credentials = _endpoint.Register("speaker-1", 3);
    }

    [Fact]
    public void HandlingAKeepaliveAllocatesNothing()
    {
        byte[] keepalive = new byte[256];
        var writer = new StunMessageWriter(keepalive, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername("speaker-1"u8);
        writer.AddMessageIntegrity(_credentials.KeepaliveKey);
        int length = writer.AddFingerprint();

        AllocationBudget.AssertZero(() => Deliver(keepalive.AsSpan(0, length)), iterations: 2_000);

        Assert.Equal(3_000, _endpoint.KeepalivesAccepted);
        Assert.Equal(3_000, _transport.Sent);
    }

    [Fact]
    public void HandlingAReceiverReportAllocatesNothing()
    {
        byte[] keepalive = new byte[256];
        var writer = new StunMessageWriter(keepalive, StunMethod.Binding, StunMessageClass.Request, new byte[12]);
        writer.AddUsername("speaker-1"u8);
        writer.AddMessageIntegrity(_credentials.KeepaliveKey);
        Deliver(keepalive.AsSpan(0, writer.AddFingerprint()));

        int keyLength = _credentials.Profile.GetMasterKeyLength();
        using var device = new SrtpContext(_credentials.Profile, _credentials.DeviceMasterKeyAndSalt.AsSpan(0, keyLength), _credentials.DeviceMasterKeyAndSalt.AsSpan(keyLength));
        byte[] report = new byte[RtcpReceiverReport.GetLength(1)];
        int reportLength = RtcpReceiverReport.Write(report, 0xD0D0, [new RtcpReportBlock(_credentials.Ssrc, 32, 1, 100, 96, 0, 0)]);
        byte[] protectedReport = new byte[128];

        AllocationBudget.AssertZero(
            () =>
            {
                device.TryProtectRtcp(report.AsSpan(0, reportLength), protectedReport, out int length);
                Deliver(protectedReport.AsSpan(0, length));
            },
            iterations: 2_000);

        Assert.Equal(3_000, _endpoint.ReportsAccepted);
        Assert.True(_endpoint.TryGetStatus("speaker-1", out DeviceMediaStatus? status));
        Assert.Equal(0.125, status!.FractionLost);
    }

    public void Dispose()
    {
        _endpoint.Dispose();
        _transport.Counters.Dispose();
    }

    private void Deliver(ReadOnlySpan<byte> datagram)
    {
        Assert.True(_pool.TryRent(out PacketBuffer buffer));
        datagram.CopyTo(buffer.Span);
        _dispatcher.Dispatch(buffer, datagram.Length, _deviceAddress);
    }

    private sealed class NullTransport : IPacketTransport
    {
        public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5004);

        public MediaSocketCounters Counters { get; } = new("devices-allocation-test");

        public long Sent { get; private set; }

        public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
        {
            Sent++;
            return true;
        }
    }
}
