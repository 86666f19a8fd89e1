using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// Every <see cref="Interval"/>, pushes <see cref="BroadcastHub.ReceiverStatusMethod"/> to the consoles: each area
/// group (as for <c>BroadcastChanged</c>) gets the health of the receivers under its area, from
/// <see cref="IDeviceControl.GetHealth"/>.
/// </summary>
public sealed partial class ReceiverStatusPublisher(
    IServiceProvider services,
    IBroadcastConsole console,
    IAreaRepository areas,
    IClusterRepository clusters,
    IHubContext<BroadcastHub> hub,
    TimeProvider time,
    ILogger<ReceiverStatusPublisher> logger) : BackgroundService
{
    /// <summary>How often the consoles are told: 5 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await PublishAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogPublishFailed(logger, failure);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Builds the per-group snapshots and sends them (one message per group that has receivers).</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        // Resolved late: the device protocol may be absent (then there is nothing to report).
        if (services.GetService<IDeviceControl>() is not { } devices)
        {
            return;
        }

        IReadOnlyList<DeviceHealth> health = devices.GetHealth();
        if (health.Count == 0)
        {
            return;
        }

        AreaTree tree = await areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var clusterAreas = new Dictionary<long, long?>();
        var byGroup = new Dictionary<string, List<ReceiverStatusEntry>>(StringComparer.Ordinal);
        foreach (DeviceHealth device in health)
        {
            if (!clusterAreas.TryGetValue(device.ClusterId, out long? areaId))
            {
                areaId = (await clusters.GetAsync(device.ClusterId, cancellationToken).ConfigureAwait(false))?.AreaId;
                clusterAreas[device.ClusterId] = areaId;
            }

            if (areaId is null)
            {
                continue;
            }

            // A receiver whose control connection (device hub, or speaker page) closed is gone, as the dashboard
            // judges it, so the console's on-air light does not count it for the rest of the online window.
            var entry = new ReceiverStatusEntry(
                device.ReceiverId,
                device.ClusterId,
                device.Online && device.ControlConnected,
                device.LastHeartbeat,
                device.PlayingProgramId,
                device.FractionLost,
                device.JitterMilliseconds,
                device.Volume,
                device.Muted);
            foreach (Area area in tree.SelfAndAncestors(areaId.Value))
            {
                string group = console.GroupOf(area.Id);
                if (!byGroup.TryGetValue(group, out var entries))
                {
                    entries = [];
                    byGroup[group] = entries;
                }

                entries.Add(entry);
            }
        }

        DateTimeOffset now = time.GetUtcNow();
        foreach (var (group, entries) in byGroup)
        {
            await hub.Clients.Group(group).SendAsync(BroadcastHub.ReceiverStatusMethod, new ReceiverStatusMessage(now, entries), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the receivers' status to the consoles failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
