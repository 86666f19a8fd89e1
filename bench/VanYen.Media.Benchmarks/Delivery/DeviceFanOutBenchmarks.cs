using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Benchmarks.Delivery;

/// <summary>
/// The SRTP fan-out of one cluster frame to its IP speakers: <see cref="ClusterChannel.Publish"/> writes the RTP
/// header once, then the cluster's device group protects the shared packet for every device into a send batch
/// (<see cref="Batched"/>) or into the device's own buffer, and sends it (to a
/// <see cref="CountingPacketTransport"/>, so the kernel's cost is left out). Every figure is per device per packet:
/// each invocation sends 1 000 packets in all (1 000 / N frames to N devices).
/// </summary>
/// <remarks>
/// The devices are made known the real way: an authenticated STUN keepalive from a distinct address each, through
/// the endpoint's datagram handler. The baseline is one SRTP protect of the same packet alone.
/// </remarks>
[MemoryDiagnoser]
public class DeviceFanOutBenchmarks
{
    private const int PacketsPerInvoke = 1000;

    private readonly byte[] _payload = new byte[80];
    private readonly short[] _pcm = new short[960];
    private readonly byte[] _rtp = new byte[92];
    private readonly byte[] _protected = new byte[128];
    private ClusterChannel _channel = null!;
    private DeviceMediaEndpoint _endpoint = null!;
    private CountingPacketTransport _transport = null!;
    private SrtpContext _baselineContext = null!;
    private int _framesPerInvoke;

    [Params(SrtpProtectionProfile.AeadAes128Gcm, SrtpProtectionProfile.AesCm128HmacSha1_80)]
    public SrtpProtectionProfile Profile { get; set; }

    [Params(1, 100, 1000)]
    public int Devices { get; set; }

    /// <summary>True: protect into a 64-slot send batch handed over when full (sendmmsg on a socket); false: one send per device.</summary>
    [Params(true, false)]
    public bool Batched { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(11).NextBytes(_payload);
        _channel = new ClusterChannel(1);
        _endpoint = new DeviceMediaEndpoint(_ => _channel, Profile) { BatchSends = Batched };
        _transport = new CountingPacketTransport();
        _endpoint.Attach(_transport);
        var dispatcher = new DatagramDispatcher(_endpoint, _transport, _transport.Counters, NullLogger.Instance);
        var pool = new PacketBufferPool(4);
        for (int i = 0; i < Devices; i++)
        {
            DeviceMediaCredentials credentials = _endpoint.Register("device-" + i, 1);
            var address = new IPEndPoint(new IPAddress([10, 0, (byte)(i >> 8), (byte)i]), 40000).Serialize();
            if (!pool.TryRent(out PacketBuffer buffer))
            {
                throw new InvalidOperationException("pool empty");
            }

            int length = WriteKeepalive(credentials, buffer.Span);
            dispatcher.Dispatch(buffer, length, address);
        }

        if (_endpoint.KeepalivesAccepted != Devices)
        {
            throw new InvalidOperationException("keepalives were not accepted");
        }

        _framesPerInvoke = PacketsPerInvoke / Devices;
        int keyLength = Profile.GetMasterKeyLength();
        byte[] key = new byte[keyLength + Profile.GetMasterSaltLength()];
        _baselineContext = new SrtpContext(Profile, key.AsSpan(0, keyLength), key.AsSpan(keyLength));
        VanYen.Media.Engine.Rtp.RtpHeaderWriter.Write(_rtp, new VanYen.Media.Engine.Rtp.RtpHeaderFields(111, false, 1, 960, 7));
        _payload.CopyTo(_rtp, 12);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _endpoint.Dispose();
        _transport.Dispose();
        _baselineContext.Dispose();
    }

    /// <summary>One SRTP protect of the packet into another buffer, alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PacketsPerInvoke)]
    public int ProtectOnePacket()
    {
        int total = 0;
        for (int i = 0; i < PacketsPerInvoke; i++)
        {
            _baselineContext.TryProtectRtp(_rtp, _protected, out int length);
            total += length;
        }

        return total;
    }

    /// <summary>Publishes frames on the cluster until 1 000 device packets were protected and sent.</summary>
    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public void FanOutPerDevicePacket()
    {
        for (int i = 0; i < _framesPerInvoke; i++)
        {
            _channel.Publish("program", _payload, _pcm);
        }
    }

    private static int WriteKeepalive(DeviceMediaCredentials credentials, Span<byte> destination)
    {
        Span<byte> transactionId = stackalloc byte[StunMessage.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        var writer = new StunMessageWriter(destination, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(credentials.DeviceId));
        writer.AddMessageIntegrity(credentials.KeepaliveKey);
        return writer.AddFingerprint();
    }
}
