using System.Text.Json;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Schedules;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Broadcasting;

public sealed partial class BroadcastService
{
    /// <inheritdoc />
    public async Task<BroadcastView> CancelAsync(User caller, string broadcastId, IReadOnlyCollection<long>? clusterIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(broadcastId);
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var policy = new ScopePolicy(tree);
        LiveBroadcast? live;
        lock (_gate)
        {
            _live.TryGetValue(broadcastId, out live);
        }

        if (live is not null && live.EndedAt is null)
        {
            CheckMayCancel(caller, tree, policy, live.Title, live.Id, live.ScopeAreaId, live.Priority);
            IReadOnlyCollection<long>? targets = null;
            if (clusterIds is not null)
            {
                var unknown = clusterIds.Where(id => !live.ClusterIds.Contains(id)).ToArray();
                if (unknown.Length > 0)
                {
                    throw new DomainValidationException(BroadcastErrors.InvalidCommand, $"Broadcast {live.Id} does not target cluster(s) {string.Join(", ", unknown)}.");
                }

                targets = clusterIds;
            }

            CancelProgram(caller, live, targets);
            return ToView(live);
        }

        ScheduledBroadcast? stored = await _schedules.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.IsPending)
        {
            if (live is not null || stored is not null)
            {
                throw new DomainConflictException(BroadcastErrors.AlreadyEnded, $"Broadcast {broadcastId} has already ended.");
            }

            throw NotFound(broadcastId);
        }

        // A pending bulletin may also be turned down by whoever could approve it.
        bool mayReject = stored.State == ScheduledBroadcastState.AwaitingApproval && await CanApproveAllAsync(caller, policy, stored.ClusterIds, cancellationToken).ConfigureAwait(false);
        if (!mayReject)
        {
            CheckMayCancel(caller, tree, policy, stored.Title, stored.Id, stored.ScopeAreaId, ToPriority(stored.Command.Level));
        }

        ScheduledBroadcast ended = stored with { State = ScheduledBroadcastState.Ended, EndedAt = _time.GetUtcNow() };
        await _schedules.UpdateAsync(ended, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            NewAuditEntry.By(caller, AuditActions.ScheduleCancelled) with
            {
                TargetKind = "broadcast",
                TargetId = stored.Id,
                AreaId = stored.ScopeAreaId,
                DetailsJson = JsonSerializer.Serialize(new { title = stored.Title, createdBy = stored.CreatedBy, wasAwaitingApproval = stored.State == ScheduledBroadcastState.AwaitingApproval }),
            },
            cancellationToken).ConfigureAwait(false);
        SchedulesChanged?.Invoke(this, EventArgs.Empty);
        BroadcastView view = ToView(ended);
        Changed?.Invoke(this, view);
        return view;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BroadcastView>> CancelOnClustersAsync(User caller, IReadOnlyCollection<long> clusterIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(clusterIds);
        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var policy = new ScopePolicy(tree);
        foreach (long clusterId in clusterIds)
        {
            Cluster cluster = await _clusters.GetAsync(clusterId, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainNotFoundException(BroadcastErrors.UnknownCluster, $"Unknown cluster {clusterId}.");
            if (!policy.CanActOnCluster(caller, cluster))
            {
                throw new DomainForbiddenException(BroadcastErrors.OutsideScope, $"{caller.Username} may not cancel on cluster {cluster.Name} (#{cluster.Id}).");
            }
        }

        var cancelled = new List<BroadcastView>();
        foreach (LiveBroadcast live in SnapshotLive(_time.GetUtcNow()))
        {
            if (live.EndedAt is not null || !policy.CanCancelProgram(caller, live.ScopeAreaId))
            {
                continue;
            }

            long[] shared = live.ClusterIds.Where(clusterIds.Contains).ToArray();
            if (shared.Length > 0)
            {
                CancelProgram(caller, live, shared);
                cancelled.Add(ToView(live));
            }
        }

        return cancelled;
    }

    private void CancelProgram(User caller, LiveBroadcast live, IReadOnlyCollection<long>? clusterIds)
    {
        EnqueueAudit(NewAuditEntry.By(caller, AuditActions.BroadcastCancelled) with
        {
            TargetKind = "broadcast",
            TargetId = live.Id,
            AreaId = live.ScopeAreaId,
            DetailsJson = JsonSerializer.Serialize(new { title = live.Title, createdBy = live.CreatedBy, clusters = clusterIds ?? live.ClusterIds }),
        });
        _engine.Cancel(live.Id, clusterIds);
    }

    private static void CheckMayCancel(User caller, AreaTree tree, ScopePolicy policy, string title, string id, long scopeAreaId, ProgramPriority priority)
    {
        if (policy.CanCancelProgram(caller, scopeAreaId))
        {
            return;
        }

        string scope = tree.Find(scopeAreaId)?.Name ?? $"area {scopeAreaId}";
        string reason = ScopePolicy.RoleAllows(caller.Role, ScopeAction.Broadcast)
            ? $"it was started from {scope}, a higher scope than {caller.Username}'s"
            : $"a {caller.Role.ToString().ToLowerInvariant()} cannot cancel broadcasts";
        throw new DomainForbiddenException(
            BroadcastErrors.HigherScope,
            $"{caller.Username} may not cancel the {priority.ToString().ToLowerInvariant()} broadcast '{title}' ({id}): {reason}.");
    }

    private async Task<bool> CanApproveAllAsync(User caller, ScopePolicy policy, IReadOnlyList<long> clusterIds, CancellationToken cancellationToken)
    {
        foreach (long clusterId in clusterIds)
        {
            Cluster? cluster = await _clusters.GetAsync(clusterId, cancellationToken).ConfigureAwait(false);
            if (cluster is not null && !policy.CanApprove(caller, cluster.AreaId))
            {
                return false;
            }
        }

        return true;
    }
}
