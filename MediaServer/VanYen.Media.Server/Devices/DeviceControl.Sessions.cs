using System.Text.Json;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Server.Devices;

public sealed partial class DeviceControl
{
    /// <summary>The audit action of a device's playback confirmation.</summary>
    public const string PlaybackAuditAction = "receiver.playback";

    /// <inheritdoc />
    public async Task OnConnectedAsync(long receiverId, long clusterId, string connectionId, Action abort)
    {
        DeviceState device = _devices.GetOrAdd(receiverId, id => new DeviceState(id, clusterId));
        lock (device.Sync)
        {
            device.ClusterId = clusterId;
            device.Connections[connectionId] = abort;
        }

        // A device that (re)connects catches up: the clock, the live program and the bulletins still to come.
        IDeviceClient client = hub.Clients.Client(connectionId);
        DateTimeOffset now = time.GetUtcNow();
        await client.ServerTime(now).ConfigureAwait(false);
        _nowPlaying.TryGetValue(clusterId, out string? live);
        await client.NowPlaying(live).ConfigureAwait(false);
        foreach (PreparedProgramEntry entry in _prepared.Values)
        {
            if (entry.ClusterIds.Contains(clusterId) && entry.Program.StartAt + TimeSpan.FromMilliseconds(entry.Program.DurationMs) > now)
            {
                await client.PrepareProgram(entry.Program).ConfigureAwait(false);
            }
        }

        LogConnected(logger, receiverId, clusterId);
    }

    /// <inheritdoc />
    public Task OnDisconnectedAsync(long receiverId, string connectionId)
    {
        if (_devices.TryGetValue(receiverId, out DeviceState? device))
        {
            lock (device.Sync)
            {
                device.Connections.Remove(connectionId);
            }
        }

        LogDisconnected(logger, receiverId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task OnHeartbeatAsync(long receiverId, DeviceHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        DateTimeOffset now = time.GetUtcNow();
        DeviceState device = _devices.GetOrAdd(receiverId, id => new DeviceState(id, 0));
        bool markSeen;
        lock (device.Sync)
        {
            device.LastHeartbeat = now;
            device.PlayingProgramId = heartbeat.PlayingProgramId;
            device.Volume = heartbeat.Volume;
            device.Muted = heartbeat.Muted;

            // Hundreds of devices beat every 5 s; the database only needs "seen recently", so write at most every 30 s.
            markSeen = device.LastMarkedSeen is not { } marked || now - marked >= MarkSeenInterval;
            if (markSeen)
            {
                device.LastMarkedSeen = now;
            }
        }

        if (markSeen)
        {
            try
            {
                await receivers.MarkSeenAsync(receiverId, now).ConfigureAwait(false);
            }
            catch (DomainNotFoundException)
            {
                throw new Microsoft.AspNetCore.SignalR.HubException("This receiver no longer exists.");
            }
        }
    }

    /// <inheritdoc />
    public async Task OnPlaybackAsync(long receiverId, long clusterId, PlaybackConfirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        Cluster? cluster = await clusters.GetAsync(clusterId).ConfigureAwait(false);
        string details = JsonSerializer.Serialize(new PlaybackAuditDetails(
            confirmation.ProgramId,
            confirmation.Event == PlaybackEvent.Started ? "started" : "finished",
            confirmation.At,
            clusterId));
        await audit.AppendAsync(new NewAuditEntry
        {
            Action = PlaybackAuditAction,
            TargetKind = "receiver",
            TargetId = receiverId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AreaId = cluster?.AreaId,
            DetailsJson = details,
        }).ConfigureAwait(false);
        LogPlayback(logger, receiverId, confirmation.ProgramId, confirmation.Event);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {ReceiverId} of cluster {ClusterId} connected its control channel")]
    private static partial void LogConnected(ILogger logger, long receiverId, long clusterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {ReceiverId} disconnected its control channel")]
    private static partial void LogDisconnected(ILogger logger, long receiverId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {ReceiverId} confirmed program {ProgramId} {Event}")]
    private static partial void LogPlayback(ILogger logger, long receiverId, string programId, PlaybackEvent @event);

    private sealed record PlaybackAuditDetails(
        [property: System.Text.Json.Serialization.JsonPropertyName("programId")] string ProgramId,
        [property: System.Text.Json.Serialization.JsonPropertyName("event")] string Event,
        [property: System.Text.Json.Serialization.JsonPropertyName("at")] DateTimeOffset At,
        [property: System.Text.Json.Serialization.JsonPropertyName("clusterId")] long ClusterId);
}
