using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// The consoles' program meters: a <see cref="ClusterLevelMeter"/> on every cluster's channel, read every
/// <see cref="Interval"/> and pushed as <see cref="ClusterLevelMessage"/> to the area groups above each cluster that
/// is (or just was) on air. The list of clusters is refreshed every <see cref="ClusterRefreshInterval"/>.
/// </summary>
public sealed partial class ClusterLevelPublisher(
    IBroadcastEngine engine,
    IBroadcastConsole console,
    IAreaRepository areas,
    IClusterRepository clusters,
    IHubContext<BroadcastHub> hub,
    TimeProvider time,
    ILogger<ClusterLevelPublisher> logger) : BackgroundService
{
    /// <summary>How often the meters are read and pushed: 4 times a second, enough for a meter a person watches.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often clusters added or removed since are picked up.</summary>
    public static readonly TimeSpan ClusterRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<long, MeteredCluster> _metered = [];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        DateTimeOffset nextRefresh = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (time.GetUtcNow() >= nextRefresh)
                    {
                        await RefreshClustersAsync(stoppingToken).ConfigureAwait(false);
                        nextRefresh = time.GetUtcNow() + ClusterRefreshInterval;
                    }

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
        finally
        {
            foreach (MeteredCluster cluster in _metered.Values)
            {
                cluster.Attachment.Dispose();
            }

            _metered.Clear();
        }
    }

    private async Task RefreshClustersAsync(CancellationToken cancellationToken)
    {
        AreaTree tree = await areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<long>();
        foreach (Area root in tree.Roots)
        {
            foreach (Cluster cluster in await clusters.GetInAreaAsync(root.Id, cancellationToken).ConfigureAwait(false))
            {
                seen.Add(cluster.Id);
                string[] groups = [.. tree.SelfAndAncestors(cluster.AreaId).Select(area => console.GroupOf(area.Id))];
                if (_metered.TryGetValue(cluster.Id, out MeteredCluster? metered))
                {
                    metered.Groups = groups;
                    continue;
                }

                var meter = new ClusterLevelMeter();
                _metered[cluster.Id] = new MeteredCluster(meter, engine.GetChannel(cluster.Id).Attach(meter)) { Groups = groups };
            }
        }

        foreach (long gone in _metered.Keys.Where(id => !seen.Contains(id)).ToArray())
        {
            _metered[gone].Attachment.Dispose();
            _metered.Remove(gone);
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, List<ClusterLevelEntry>>? byGroup = null;
        foreach (var (clusterId, metered) in _metered)
        {
            ClusterLevel level = metered.Meter.Take();
            bool report = level.OnAir || metered.WasOnAir;
            metered.WasOnAir = level.OnAir;
            if (!report)
            {
                continue;
            }

            var entry = new ClusterLevelEntry(clusterId, Math.Round(level.RmsDbfs, 1), Math.Round(level.PeakDbfs, 1), level.OnAir);
            byGroup ??= new Dictionary<string, List<ClusterLevelEntry>>(StringComparer.Ordinal);
            foreach (string group in metered.Groups)
            {
                if (!byGroup.TryGetValue(group, out var entries))
                {
                    entries = [];
                    byGroup[group] = entries;
                }

                entries.Add(entry);
            }
        }

        if (byGroup is null)
        {
            return;
        }

        DateTimeOffset now = time.GetUtcNow();
        foreach (var (group, entries) in byGroup)
        {
            await hub.Clients.Group(group).SendAsync(ClusterLevelMessage.Method, new ClusterLevelMessage(now, entries), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the clusters' program levels to the consoles failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);

    private sealed class MeteredCluster(ClusterLevelMeter meter, IDisposable attachment)
    {
        public ClusterLevelMeter Meter { get; } = meter;

        public IDisposable Attachment { get; } = attachment;

        public IReadOnlyList<string> Groups { get; set; } = [];

        public bool WasOnAir { get; set; }
    }
}
