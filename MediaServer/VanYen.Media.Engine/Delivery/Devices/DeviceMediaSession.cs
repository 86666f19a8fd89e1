using System.Net;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>
/// One registered device: its keys, the address its last authenticated keepalive came from, and the sink that
/// protects its cluster's packets for it. Created by <see cref="DeviceMediaEndpoint.Register"/>, replaced at the
/// next registration of the same device.
/// </summary>
/// <remarks>
/// <see cref="TryProtectInto"/> and <see cref="Send"/> run on the media clock's thread (called by the cluster's
/// <see cref="ClusterDeviceGroup"/>), the receive methods on the socket's receive loop; one
/// lock per device serialises them (uncontended except when a keepalive or a report arrives during a tick) and
/// keeps <see cref="Close"/> from disposing a context in use.
/// </remarks>
internal sealed class DeviceMediaSession
{
    // 1500-byte MTU: the largest datagram a device is sent; an Opus frame plus the 16-byte tag fits with room.
    private const int SendBufferLength = 1500;

    private readonly DeviceMediaEndpoint _endpoint;
    private readonly ClusterChannel _channel;
    private readonly byte[] _keepaliveKey;
    private readonly byte[] _sendBuffer = new byte[SendBufferLength];
    private readonly Lock _lock = new();
    private readonly SrtpContext _outbound;
    private readonly SrtpContext _inbound;
    private readonly long _keepaliveTimeoutTicks;
    private volatile SocketAddress? _remote;
    private long _lastKeepaliveTimestamp;
    private DateTimeOffset? _lastKeepalive;
    private long _packetsSent;
    private double? _fractionLost;
    private double? _jitterMilliseconds;
    private bool _closed;

    public DeviceMediaSession(DeviceMediaEndpoint endpoint, ClusterChannel channel, DeviceMediaCredentials credentials)
    {
        _endpoint = endpoint;
        _channel = channel;
        Credentials = credentials;
        _keepaliveKey = credentials.KeepaliveKey;
        SrtpProtectionProfile profile = credentials.Profile;
        int keyLength = profile.GetMasterKeyLength();
        ReadOnlySpan<byte> server = credentials.ServerMasterKeyAndSalt;
        ReadOnlySpan<byte> device = credentials.DeviceMasterKeyAndSalt;

        // One outgoing stream (the cluster's SSRC); a few incoming ones in case the device restarts its SSRC.
        _outbound = new SrtpContext(profile, server.Slice(0, keyLength), server.Slice(keyLength), maxStreams: 2, replayWindowSize: 64);
        _inbound = new SrtpContext(profile, device.Slice(0, keyLength), device.Slice(keyLength), maxStreams: 4, replayWindowSize: 64);
        _keepaliveTimeoutTicks = (long)(DeviceMediaEndpoint.KeepaliveTimeout.TotalSeconds * endpoint.TimeProvider.TimestampFrequency);
    }

    public DeviceMediaCredentials Credentials { get; }

    public string DeviceId => Credentials.DeviceId;

    public ReadOnlySpan<byte> KeepaliveKey => _keepaliveKey;

    /// <summary>The address media goes to; replaced (never mutated) when a keepalive comes from elsewhere.</summary>
    public SocketAddress? Remote => _remote;

    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>The channel of the device's cluster.</summary>
    public ClusterChannel Channel => _channel;

    /// <summary>
    /// Protects the cluster's shared <paramref name="rtpPacket"/> for this device into the next slot of
    /// <paramref name="batch"/> (one encryption per device, no copy before) and adds it with the device's address.
    /// False when the device gets nothing this tick: closed, no address yet, keepalive expired, or protect failed.
    /// </summary>
    public bool TryProtectInto(ReadOnlySpan<byte> rtpPacket, PacketSendBatch batch)
    {
        lock (_lock)
        {
            SocketAddress? remote = _remote;
            if (_closed || remote is null || !IsKeepaliveFresh())
            {
                return false;
            }

            if (!_outbound.TryProtectRtp(rtpPacket, batch.NextSlot, out int length))
            {
                _endpoint.CountProtectFailure();
                return false;
            }

            batch.Add(length, remote);
            return true;
        }
    }

    /// <summary>Protects <paramref name="rtpPacket"/> into this device's own buffer and sends it at once (transports without batches).</summary>
    public void Send(ReadOnlySpan<byte> rtpPacket, IPacketTransport transport)
    {
        lock (_lock)
        {
            SocketAddress? remote = _remote;
            if (_closed || remote is null || !IsKeepaliveFresh())
            {
                return;
            }

            if (!_outbound.TryProtectRtp(rtpPacket, _sendBuffer, out int length))
            {
                _endpoint.CountProtectFailure();
                return;
            }

            if (transport.TrySend(_sendBuffer.AsSpan(0, length), remote))
            {
                CountSent();
            }
        }
    }

    /// <summary>Counts a packet the transport accepted for this device.</summary>
    public void CountSent() => Interlocked.Increment(ref _packetsSent);

    /// <summary>
    /// Records an authenticated keepalive from <paramref name="source"/>; returns the address that stopped being
    /// this device's (to unindex) or null when it did not change. Allocates only when the address changed.
    /// </summary>
    public bool OnKeepalive(SocketAddress source, out SocketAddress? previous, out SocketAddress current)
    {
        lock (_lock)
        {
            previous = null;
            _lastKeepaliveTimestamp = _endpoint.TimeProvider.GetTimestamp();
            _lastKeepalive = _endpoint.TimeProvider.GetUtcNow();
            SocketAddress? remote = _remote;
            if (remote is not null && SocketAddressComparer.Instance.Equals(remote, source))
            {
                current = remote;
                return false;
            }

            previous = remote;
            current = IceSocketAddress.Copy(source);
            _remote = current;
            return true;
        }
    }

    /// <summary>Unprotects an SRTCP datagram in place and records the device's receiver report about the cluster stream.</summary>
    public SrtpUnprotectResult OnSrtcp(Span<byte> datagram)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return SrtpUnprotectResult.Malformed;
            }

            SrtpUnprotectResult result = _inbound.UnprotectRtcp(datagram, out int length);
            if (result != SrtpUnprotectResult.Ok)
            {
                return result;
            }

            var reader = new RtcpCompoundReader(datagram.Slice(0, length));
            foreach (RtcpPacket packet in reader)
            {
                if (packet.PacketType == RtcpPacketType.ReceiverReport && RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport report))
                {
                    for (int i = 0; i < report.ReportBlockCount; i++)
                    {
                        Record(report.GetReportBlock(i));
                    }
                }
                else if (packet.PacketType == RtcpPacketType.SenderReport && RtcpSenderReport.TryParse(packet, out RtcpSenderReport senderReport))
                {
                    for (int i = 0; i < senderReport.ReportBlockCount; i++)
                    {
                        Record(senderReport.GetReportBlock(i));
                    }
                }
            }

            return SrtpUnprotectResult.Ok;
        }
    }

    public DeviceMediaStatus GetStatus()
    {
        lock (_lock)
        {
            bool expired = _remote is not null && !IsKeepaliveFresh();
            return new DeviceMediaStatus(
                DeviceId,
                Credentials.ClusterId,
                IceSocketAddress.ToEndPoint(_remote),
                _lastKeepalive,
                _packetsSent,
                _fractionLost,
                _jitterMilliseconds,
                _channel.OnAirProgramId,
                expired);
        }
    }

    /// <summary>Wipes the keys; later frames and datagrams are ignored (the endpoint removes it from its cluster's group).</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _outbound.Dispose();
            _inbound.Dispose();
        }
    }

    private bool IsKeepaliveFresh() =>
        _endpoint.TimeProvider.GetTimestamp() - _lastKeepaliveTimestamp < _keepaliveTimeoutTicks;

    private void Record(RtcpReportBlock block)
    {
        // RFC 3550 §6.4.1: only the block about our stream counts; fraction lost is a fixed-point /256,
        // jitter is in RTP timestamp units (48 kHz for Opus, RFC 7587 §4.1).
        if (block.Ssrc != _channel.Ssrc)
        {
            return;
        }

        _fractionLost = block.FractionLost / 256.0;
        _jitterMilliseconds = block.Jitter / 48.0;
    }
}
