using System.Collections.Concurrent;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;
using VanYen.Media.Signaling.Contracts.Broadcast;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// Speaker pages as receivers: a hub connection opened with a Browser receiver's secret is that receiver's control
/// connection in <see cref="IDeviceControl"/> (online while open), and its heartbeats fill the same health a
/// device's heartbeat does, so the dashboard and the console's on-air light see it like any receiver.
/// </summary>
public sealed partial class BroadcastConsole
{
    private readonly ConcurrentDictionary<string, long> _speakers = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<long?> SpeakerConnectedAsync(string receiverToken, string connectionId, Action abort, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        if (string.IsNullOrEmpty(receiverToken) || _services.GetService<IDeviceControl>() is not { } devices)
        {
            return null;
        }

        Receiver? receiver = await _receivers.FindBySecretHashAsync(DeviceSecret.Hash(receiverToken), cancellationToken);
        if (receiver is null || !DeviceSecret.Verify(receiverToken, receiver.SecretHash) || receiver.Kind != ReceiverKind.Browser)
        {
            return null;
        }

        _speakers[connectionId] = receiver.Id;
        devices.OnSpeakerConnected(receiver.Id, receiver.ClusterId, connectionId, abort);
        await _receivers.MarkSeenAsync(receiver.Id, _time.GetUtcNow(), cancellationToken);
        return receiver.Id;
    }

    /// <inheritdoc/>
    public async Task SpeakerHeartbeatAsync(string connectionId, SpeakerHeartbeat report, CancellationToken cancellationToken)
    {
        if (!_speakers.TryGetValue(connectionId, out long receiverId))
        {
            throw new BroadcastConsoleException(403, "SpeakerHeartbeat is for a speaker page connected with ?receiverToken= the secret of a Browser receiver; this connection is not one (a logged-in user's, or a wrong token).");
        }

        ArgumentNullException.ThrowIfNull(report);
        SpeakerHeartbeat checkedReport = Check(report);
        IDeviceControl devices = _services.GetService<IDeviceControl>()
            ?? throw new BroadcastConsoleException(503, "Receiver health is not available on this server.");
        try
        {
            await devices.OnSpeakerHeartbeatAsync(receiverId, connectionId, checkedReport, cancellationToken);
        }
        catch (DomainNotFoundException gone)
        {
            throw new BroadcastConsoleException(404, "This receiver no longer exists.", gone);
        }
    }

    // Values a browser's getStats() cannot produce are refused; a negative loss is legal (duplicates, RFC 3550
    // §6.4.1) and counts as none; an empty id means nothing plays.
    private static SpeakerHeartbeat Check(SpeakerHeartbeat report)
    {
        string? playing = string.IsNullOrWhiteSpace(report.PlayingBroadcastId) ? null : report.PlayingBroadcastId;
        if (playing is { Length: > SpeakerHeartbeat.MaxBroadcastIdLength })
        {
            throw new BroadcastConsoleException(400, $"playingBroadcastId is longer than {SpeakerHeartbeat.MaxBroadcastIdLength} characters.");
        }

        if (playing is not null && playing.Any(char.IsControl))
        {
            throw new BroadcastConsoleException(400, "playingBroadcastId contains control characters.");
        }

        if (report.PacketsReceived < 0)
        {
            throw new BroadcastConsoleException(400, $"packetsReceived must not be negative (got {report.PacketsReceived}).");
        }

        if (report.JitterMilliseconds is { } jitter && (!double.IsFinite(jitter) || jitter < 0 || jitter > SpeakerHeartbeat.MaxJitterMilliseconds))
        {
            throw new BroadcastConsoleException(400, $"jitterMilliseconds must be between 0 and {SpeakerHeartbeat.MaxJitterMilliseconds} (got {jitter}).");
        }

        return report with { PlayingBroadcastId = playing, PacketsLost = Math.Max(0, report.PacketsLost) };
    }

    private void ForgetSpeaker(string connectionId)
    {
        if (_speakers.TryRemove(connectionId, out long receiverId))
        {
            _services.GetService<IDeviceControl>()?.OnSpeakerDisconnected(receiverId, connectionId);
        }
    }
}
