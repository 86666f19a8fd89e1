using VanYen.Media.Signaling.Contracts.Broadcast;

namespace VanYen.Media.Server.Devices;

public sealed partial class DeviceControl
{
    /// <inheritdoc />
    public void OnSpeakerConnected(long receiverId, long clusterId, string connectionId, Action abort)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        ArgumentNullException.ThrowIfNull(abort);
        DateTimeOffset now = time.GetUtcNow();
        DeviceState device = _devices.GetOrAdd(receiverId, id => new DeviceState(id, clusterId));
        lock (device.Sync)
        {
            device.ClusterId = clusterId;
            device.Connections[connectionId] = abort;

            // The page reports every 5 s; opening its connection is its first sign of life, so it shows online at once.
            device.LastHeartbeat = now;
        }

        LogSpeakerConnected(logger, receiverId, clusterId);
    }

    /// <inheritdoc />
    public void OnSpeakerDisconnected(long receiverId, string connectionId)
    {
        if (!_devices.TryGetValue(receiverId, out DeviceState? device))
        {
            return;
        }

        int left;
        lock (device.Sync)
        {
            device.Connections.Remove(connectionId);
            device.SpeakerReports.Remove(connectionId);
            device.PlayingProgramId = PlayingOf(device.SpeakerReports);
            left = device.Connections.Count;
        }

        LogSpeakerDisconnected(logger, receiverId, left);
    }

    /// <inheritdoc />
    public async Task OnSpeakerHeartbeatAsync(long receiverId, string connectionId, SpeakerHeartbeat report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        DateTimeOffset now = time.GetUtcNow();
        DeviceState device = _devices.GetOrAdd(receiverId, id => new DeviceState(id, 0));
        long lost = Math.Max(0, report.PacketsLost);
        bool markSeen;
        lock (device.Sync)
        {
            // RFC 3550 §6.4.1: the fraction lost is over the interval since the previous report, not since the start.
            // Counters that went down belong to a new listening session (the page reconnected): they are the interval.
            long receivedInInterval = report.PacketsReceived;
            long lostInInterval = lost;
            if (device.SpeakerReports.TryGetValue(connectionId, out SpeakerReport? previous) && report.PacketsReceived >= previous.PacketsReceived)
            {
                receivedInInterval = report.PacketsReceived - previous.PacketsReceived;
                lostInInterval = Math.Max(0, lost - previous.PacketsLost);
            }

            long expected = receivedInInterval + lostInInterval;
            if (expected > 0)
            {
                device.FractionLost = (double)lostInInterval / expected;
            }

            if (report.JitterMilliseconds is { } jitter)
            {
                device.JitterMilliseconds = jitter;
            }

            device.SpeakerReports[connectionId] = new SpeakerReport(now, report.PlayingBroadcastId, report.PacketsReceived, lost);
            device.PlayingProgramId = PlayingOf(device.SpeakerReports);
            device.LastHeartbeat = now;
            markSeen = device.LastMarkedSeen is not { } marked || now - marked >= MarkSeenInterval;
            if (markSeen)
            {
                device.LastMarkedSeen = now;
            }
        }

        if (markSeen)
        {
            await receivers.MarkSeenAsync(receiverId, now, cancellationToken).ConfigureAwait(false);
        }
    }

    // Two pages of one receiver: it plays what the latest page that hears something says (an idle page does not
    // hide the other's program).
    private static string? PlayingOf(Dictionary<string, SpeakerReport> reports)
    {
        SpeakerReport? latest = null;
        foreach (SpeakerReport report in reports.Values)
        {
            if (report.PlayingProgramId is not null && (latest is null || report.At > latest.At))
            {
                latest = report;
            }
        }

        return latest?.PlayingProgramId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Speaker page of receiver {ReceiverId} (cluster {ClusterId}) connected")]
    private static partial void LogSpeakerConnected(ILogger logger, long receiverId, long clusterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Speaker page of receiver {ReceiverId} disconnected ({Left} connection(s) left)")]
    private static partial void LogSpeakerDisconnected(ILogger logger, long receiverId, int left);
}
