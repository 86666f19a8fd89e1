using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// The server side of the device control channel: sends commands through <see cref="DeviceHub"/>, keeps each
/// receiver's heartbeat state, the prepared programs and each cluster's live program (re-sent to a device that
/// reconnects), and writes playback confirmations to the audit log.
/// </summary>
public sealed partial class DeviceControl(
    IHubContext<DeviceHub, IDeviceClient> hub,
    IDeviceMediaRegistry media,
    DeviceTokenStore tokens,
    IReceiverRepository receivers,
    IClusterRepository clusters,
    IAuditLog audit,
    TimeProvider time,
    ILogger<DeviceControl> logger) : IDeviceControl, IDeviceSessionObserver
{
    /// <summary>A receiver is online while its last heartbeat is younger than this.</summary>
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromSeconds(30);

    /// <summary>How often, at most, a heartbeat is written to the receiver's last-seen column.</summary>
    public static readonly TimeSpan MarkSeenInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, DeviceState> _devices = new();
    private readonly ConcurrentDictionary<string, PreparedProgramEntry> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _nowPlaying = new();

    /// <inheritdoc />
    public Task SetClusterVolumeAsync(long clusterId, int volume, CancellationToken cancellationToken = default)
    {
        CheckVolume(volume);
        return hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).SetVolume(volume);
    }

    /// <inheritdoc />
    public Task SetReceiverVolumeAsync(long receiverId, int volume, CancellationToken cancellationToken = default)
    {
        CheckVolume(volume);
        return hub.Clients.Group(DeviceHub.ReceiverGroup(receiverId)).SetVolume(volume);
    }

    /// <inheritdoc />
    public Task SetClusterMuteAsync(long clusterId, bool muted, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).SetMute(muted);

    /// <inheritdoc />
    public Task SetReceiverMuteAsync(long receiverId, bool muted, CancellationToken cancellationToken = default) =>
        hub.Clients.Group(DeviceHub.ReceiverGroup(receiverId)).SetMute(muted);

    /// <inheritdoc />
    public Task SetOnAirHoursAsync(long clusterId, OnAirHours? hours, CancellationToken cancellationToken = default)
    {
        DeviceOnAirHours? text = ToContract(hours);
        return hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).SetOnAirHours(text?.From, text?.Until);
    }

    /// <inheritdoc />
    public async Task<PreparedProgram> PushPreparedProgramAsync(
        IReadOnlyCollection<long> clusterIds,
        string programId,
        string title,
        string oggOpusPath,
        DateTimeOffset startAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusterIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(programId);
        ArgumentException.ThrowIfNullOrEmpty(oggOpusPath);
        if (programId.Length > DeviceHub.MaxProgramIdLength)
        {
            throw new ArgumentException($"A program id has at most {DeviceHub.MaxProgramIdLength} characters.", nameof(programId));
        }

        string sha256;
        long durationMs;
        await using (var file = File.OpenRead(oggOpusPath))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
            file.Position = 0;
            durationMs = MeasureDurationMilliseconds(file);
        }

        var program = new PreparedProgram(
            programId,
            title ?? string.Empty,
            "/api/devices/prepared/" + Uri.EscapeDataString(programId),
            startAt,
            sha256,
            durationMs);
        _prepared[programId] = new PreparedProgramEntry(program, Path.GetFullPath(oggOpusPath), clusterIds.ToHashSet());
        foreach (long clusterId in clusterIds)
        {
            await hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).PrepareProgram(program).ConfigureAwait(false);
        }

        LogPrepared(logger, programId, clusterIds.Count, startAt);
        return program;
    }

    /// <inheritdoc />
    public async Task<bool> CancelPreparedAsync(string programId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programId);
        if (!_prepared.TryRemove(programId, out PreparedProgramEntry? entry))
        {
            return false;
        }

        foreach (long clusterId in entry.ClusterIds)
        {
            await hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).CancelPrepared(programId).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public Task NotifyNowPlayingAsync(long clusterId, string? programId, CancellationToken cancellationToken = default)
    {
        if (programId is null)
        {
            _nowPlaying.TryRemove(clusterId, out _);
        }
        else
        {
            _nowPlaying[clusterId] = programId;
        }

        return hub.Clients.Group(DeviceHub.ClusterGroup(clusterId)).NowPlaying(programId);
    }

    /// <inheritdoc />
    public bool TryGetPreparedFile(string programId, long clusterId, out string? path)
    {
        if (_prepared.TryGetValue(programId, out PreparedProgramEntry? entry) && entry.ClusterIds.Contains(clusterId))
        {
            path = entry.Path;
            return true;
        }

        path = null;
        return false;
    }

    /// <inheritdoc />
    public IReadOnlyList<DeviceHealth> GetHealth()
    {
        DateTimeOffset now = time.GetUtcNow();
        var health = new List<DeviceHealth>(_devices.Count);
        foreach (DeviceState device in _devices.Values)
        {
            media.TryGetStatus(device.ReceiverId.ToString(CultureInfo.InvariantCulture), out DeviceMediaStatus? status);
            lock (device.Sync)
            {
                health.Add(new DeviceHealth(
                    device.ReceiverId,
                    device.ClusterId,
                    device.LastHeartbeat is { } last && now - last < OnlineWindow,
                    device.LastHeartbeat,
                    device.Connections.Count > 0,
                    device.PlayingProgramId,
                    device.Volume,
                    device.Muted,
                    status?.FractionLost ?? device.FractionLost,
                    status?.JitterMilliseconds ?? device.JitterMilliseconds,
                    status?.PacketsSent ?? 0,
                    status?.RemoteEndPoint?.ToString()));
            }
        }

        health.Sort((left, right) => left.ReceiverId.CompareTo(right.ReceiverId));
        return health;
    }

    /// <summary>The contract form of on-air hours.</summary>
    internal static DeviceOnAirHours? ToContract(OnAirHours? hours) => hours is { } value
        ? new DeviceOnAirHours(value.From.ToString("HH:mm", CultureInfo.InvariantCulture), value.Until.ToString("HH:mm", CultureInfo.InvariantCulture))
        : null;

    /// <summary>Remembers a receiver that just logged in (before its hub connection opens).</summary>
    internal void OnLogin(long receiverId, long clusterId)
    {
        DeviceState device = _devices.GetOrAdd(receiverId, id => new DeviceState(id, clusterId));
        lock (device.Sync)
        {
            device.ClusterId = clusterId;
        }
    }

    private static long MeasureDurationMilliseconds(Stream file)
    {
        using var reader = OggOpusReader.Open(file, leaveOpen: true);
        long lastGranule = 0;
        while (reader.TryReadPacket(out _, out long granule))
        {
            lastGranule = granule;
        }

        // RFC 7845 §4: the playable length is the last granule position minus the pre-skip, at 48 kHz.
        return Math.Max(0, lastGranule - reader.PreSkip) / 48;
    }

    private static void CheckVolume(int volume) => ArgumentOutOfRangeException.ThrowIfNotEqual(volume is >= 0 and <= 100, true, nameof(volume));

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared program {ProgramId} pushed to {ClusterCount} cluster(s), starting {StartAt}")]
    private static partial void LogPrepared(ILogger logger, string programId, int clusterCount, DateTimeOffset startAt);
}
