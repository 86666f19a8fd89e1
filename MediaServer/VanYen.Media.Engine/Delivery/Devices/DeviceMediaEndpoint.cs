using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>
/// The media side of the IP-speaker device protocol (README.md, "Device protocol"), the datagram handler of the
/// plain-RTP UDP port: authenticated STUN keepalives teach it each device's NAT address, each registered device is a
/// member of its cluster's <see cref="ClusterDeviceGroup"/> (one sink of the <see cref="ClusterChannel"/> per
/// cluster, sending in batches) and gets the program over SRTP, SRTCP receiver reports from the
/// devices update their status, and plain RTP goes to the <see cref="RtpIngestRegistry"/> (hardware consoles).
/// </summary>
/// <remarks>
/// <see cref="OnDatagram"/> runs on the socket's receive loop and the sinks on the media clock's thread; neither
/// allocates per packet. Anything that does not authenticate is dropped, counted and logged at debug level, never
/// answered, so the port tells a scanner nothing.
/// </remarks>
public sealed partial class DeviceMediaEndpoint : IDeviceMediaRegistry, IDatagramHandler, IDisposable
{
    /// <summary>How long a device keeps getting media after its last authenticated keepalive.</summary>
    public static readonly TimeSpan KeepaliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Bytes of the random keepalive key (the HMAC-SHA1 key of MESSAGE-INTEGRITY, RFC 8489 §14.5).</summary>
    public const int KeepaliveKeyLength = 20;

    /// <summary>Longest device id accepted in a keepalive's USERNAME, in UTF-8 bytes.</summary>
    public const int MaxDeviceIdLength = 128;

    private readonly Func<long, ClusterChannel> _channels;
    private readonly ConcurrentDictionary<string, DeviceMediaSession> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceMediaSession>.AlternateLookup<ReadOnlySpan<char>> _devicesById;
    private readonly ConcurrentDictionary<SocketAddress, DeviceMediaSession> _devicesByAddress = new(SocketAddressComparer.Instance);
    private readonly Dictionary<ClusterChannel, ClusterDeviceGroup> _groups = [];
    private readonly Lock _registrationLock = new();
    private readonly ILogger _logger;
    private volatile IPacketTransport? _transport;
    private int _disposed;

    /// <summary>Creates the endpoint.</summary>
    /// <param name="channels">The cluster channel of a cluster id (the broadcast engine's <c>GetChannel</c>).</param>
    /// <param name="profile">The SRTP profile handed to devices at registration.</param>
    /// <param name="ingest">Where plain RTP arriving on the port goes (hardware consoles); null drops it.</param>
    /// <param name="timeProvider">The clock of keepalive expiry.</param>
    /// <param name="logger">Logs drops (debug) and registrations.</param>
    public DeviceMediaEndpoint(
        Func<long, ClusterChannel> channels,
        SrtpProtectionProfile profile = SrtpProtectionProfile.AeadAes128Gcm,
        RtpIngestRegistry? ingest = null,
        TimeProvider? timeProvider = null,
        ILogger<DeviceMediaEndpoint>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile.");
        }

        _channels = channels;
        Profile = profile;
        Ingest = ingest;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _devicesById = _devices.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The SRTP profile of new registrations.</summary>
    public SrtpProtectionProfile Profile { get; }

    /// <summary>Where plain RTP goes, if anywhere.</summary>
    public RtpIngestRegistry? Ingest { get; }

    /// <summary>The transport media is sent on: set by <see cref="Attach"/>, or learnt from the first datagram.</summary>
    public IPacketTransport? Transport => _transport;

    /// <summary>
    /// True (default): each cluster's packets are protected into a <see cref="PacketSendBatch"/> and sent 64 at a time
    /// when the transport is an <see cref="IBatchPacketTransport"/> (one <c>sendmmsg</c> per batch on Linux).
    /// False: one <see cref="IPacketTransport.TrySend"/> per device, as a transport without batches gets anyway.
    /// </summary>
    public bool BatchSends { get; set; } = true;

    /// <summary>Registered devices.</summary>
    public int DeviceCount => _devices.Count;

    internal TimeProvider TimeProvider { get; }

    /// <summary>Tells the endpoint which transport (the bound plain-RTP socket) to send on before any datagram arrived.</summary>
    public void Attach(IPacketTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <inheritdoc/>
    public DeviceMediaCredentials Register(string deviceId, long clusterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        if (System.Text.Encoding.UTF8.GetByteCount(deviceId) > MaxDeviceIdLength)
        {
            throw new ArgumentException($"A device id is at most {MaxDeviceIdLength} UTF-8 bytes.", nameof(deviceId));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ClusterChannel channel = _channels(clusterId) ?? throw new ArgumentException($"Cluster {clusterId} has no channel.", nameof(clusterId));
        int keyAndSaltLength = Profile.GetMasterKeyLength() + Profile.GetMasterSaltLength();
        var credentials = new DeviceMediaCredentials(
            deviceId,
            clusterId,
            Profile,
            RandomNumberGenerator.GetBytes(keyAndSaltLength),
            RandomNumberGenerator.GetBytes(keyAndSaltLength),
            RandomNumberGenerator.GetBytes(KeepaliveKeyLength),
            channel.Ssrc);
        var session = new DeviceMediaSession(this, channel, credentials);
        lock (_registrationLock)
        {
            if (_devices.TryGetValue(deviceId, out DeviceMediaSession? previous))
            {
                Forget(previous);
            }

            _devices[deviceId] = session;
            if (!_groups.TryGetValue(channel, out ClusterDeviceGroup? group))
            {
                group = new ClusterDeviceGroup(this, channel);
                _groups.Add(channel, group);
            }

            group.Add(session);
        }

        LogRegistered(_logger, deviceId, clusterId);
        return credentials;
    }

    /// <inheritdoc/>
    public bool Unregister(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        lock (_registrationLock)
        {
            if (!_devices.TryGetValue(deviceId, out DeviceMediaSession? session))
            {
                return false;
            }

            Forget(session);
        }

        LogUnregistered(_logger, deviceId);
        return true;
    }

    /// <inheritdoc/>
    public bool TryGetStatus(string deviceId, out DeviceMediaStatus? status)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        if (_devices.TryGetValue(deviceId, out DeviceMediaSession? session))
        {
            status = session.GetStatus();
            return true;
        }

        status = null;
        return false;
    }

    /// <inheritdoc/>
    public IReadOnlyList<DeviceMediaStatus> GetStatuses()
    {
        var statuses = new List<DeviceMediaStatus>(_devices.Count);
        foreach (KeyValuePair<string, DeviceMediaSession> entry in _devices)
        {
            statuses.Add(entry.Value.GetStatus());
        }

        statuses.Sort(static (left, right) => string.CompareOrdinal(left.DeviceId, right.DeviceId));
        return statuses;
    }

    /// <summary>Detaches every device from its cluster and forgets them.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_registrationLock)
        {
            foreach (KeyValuePair<string, DeviceMediaSession> entry in _devices)
            {
                Forget(entry.Value);
            }
        }
    }

    // Under the registration lock.
    private void Forget(DeviceMediaSession session)
    {
        _devices.TryRemove(new KeyValuePair<string, DeviceMediaSession>(session.DeviceId, session));
        if (session.Remote is { } remote)
        {
            _devicesByAddress.TryRemove(new KeyValuePair<SocketAddress, DeviceMediaSession>(remote, session));
        }

        if (_groups.TryGetValue(session.Channel, out ClusterDeviceGroup? group) && group.Remove(session))
        {
            _groups.Remove(session.Channel);
        }

        session.Close();
    }

    // A keepalive moved the device (first keepalive, NAT rebinding): index its new address for SRTCP.
    private void Reindex(DeviceMediaSession session, SocketAddress? previous, SocketAddress current)
    {
        lock (_registrationLock)
        {
            if (previous is not null)
            {
                _devicesByAddress.TryRemove(new KeyValuePair<SocketAddress, DeviceMediaSession>(previous, session));
            }

            // A device re-registered meanwhile: its old session must not claim the address.
            if (_devices.TryGetValue(session.DeviceId, out DeviceMediaSession? registered) && ReferenceEquals(registered, session))
            {
                _devicesByAddress[current] = session;
            }
        }

        LogAddressChanged(_logger, session.DeviceId, IceSocketAddress.ToEndPoint(current));
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Device {DeviceId} registered for media on cluster {ClusterId}")]
    private static partial void LogRegistered(ILogger logger, string deviceId, long clusterId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Device {DeviceId} unregistered from media")]
    private static partial void LogUnregistered(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Device {DeviceId} keepalives now come from {RemoteEndPoint}")]
    private static partial void LogAddressChanged(ILogger logger, string deviceId, IPEndPoint? remoteEndPoint);
}
