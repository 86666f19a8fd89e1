using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Broadcast;

namespace VanYen.Media.Server.Consoles;

// Broadcast changes to console pushes: who may see a broadcast is every scope above one of its clusters.
public sealed partial class BroadcastConsole
{
    private static BroadcastChangedMessage ToMessage(BroadcastView view) => new(
        view.Id,
        view.Title,
        view.SourceKind.ToString(),
        view.Priority.ToString(),
        view.State.ToString(),
        view.ClusterIds,
        view.ClustersOnAir,
        view.CreatedBy,
        view.ScopeAreaId,
        view.CreatedAt,
        view.NextRunAt,
        view.EndReason?.ToString());

    private void OnBroadcastChanged(object? sender, BroadcastView view) => _ = PublishAsync(view);

    private async Task PublishAsync(BroadcastView view)
    {
        try
        {
            AreaTree tree = await _areas.GetTreeAsync();
            var groups = new HashSet<string>(StringComparer.Ordinal);
            foreach (long clusterId in view.ClusterIds)
            {
                if (await _clusters.GetAsync(clusterId) is { } cluster)
                {
                    foreach (Area area in tree.SelfAndAncestors(cluster.AreaId))
                    {
                        groups.Add(GroupOf(area.Id));
                    }
                }
            }

            Changed?.Invoke(this, new BroadcastConsoleChange(ToMessage(view), [.. groups]));
        }
        catch (Exception failure)
        {
            LogPublishFailed(_logger, failure, view.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live broadcast {BroadcastId} started by {Username} at level {Level} (session {SessionId})")]
    private static partial void LogLiveStarted(ILogger logger, string broadcastId, string username, BroadcastLevel level, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the change of broadcast {BroadcastId} to the consoles failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string broadcastId);
}
