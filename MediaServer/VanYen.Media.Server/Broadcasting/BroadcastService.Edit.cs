using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Schedules;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Broadcasting;

public sealed partial class BroadcastService
{
    /// <summary>
    /// Edits a scheduled broadcast (or one awaiting approval) that has not started: time, recurrence, source, targets.
    /// The caller must be allowed to cancel it, and the edited command passes the same checks (fields, targets, scope)
    /// as a new one; a caller whose area needs approval sends it back to approval. 409 once it has started or ended.
    /// </summary>
    public async Task<BroadcastView> UpdateScheduledAsync(User caller, string broadcastId, ScheduledBroadcastChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(broadcastId);
        ArgumentNullException.ThrowIfNull(change);
        ScheduledBroadcast stored = await GetVisibleStoredAsync(caller, broadcastId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        if (IsLive(broadcastId) || (stored.IsPending && stored.NextRunAt is { } due && due <= now))
        {
            throw new DomainConflictException(BroadcastErrors.AlreadyStarted, $"Broadcast {broadcastId} ('{stored.Title}') has already started: it can only be cancelled.");
        }

        if (!stored.IsPending)
        {
            throw new DomainConflictException(BroadcastErrors.AlreadyEnded, $"Broadcast {broadcastId} ('{stored.Title}') has already ended.");
        }

        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        CheckMayCancel(caller, tree, new ScopePolicy(tree), stored.Title, stored.Id, stored.ScopeAreaId, ToPriority(stored.Command.Level));

        BroadcastCommand command = change.ApplyTo(stored.Command, now);
        ValidatedCommand validated = await ValidateAsync(caller, command, cancellationToken).ConfigureAwait(false);
        if (stored.NextRunAt is not null && validated.FirstRunAt is null)
        {
            throw new DomainValidationException(BroadcastErrors.StartInPast, "startAt: a scheduled broadcast needs a start time in the future or a recurrence.");
        }

        bool awaitsApproval = validated.Policy.NeedsApproval(caller) && command.Level != BroadcastLevel.Emergency;
        ScheduledBroadcast updated = stored with
        {
            Command = validated.Command,
            ClusterIds = validated.ClusterIds,
            NextRunAt = validated.FirstRunAt,
            State = awaitsApproval ? ScheduledBroadcastState.AwaitingApproval : stored.State,
            ApprovedBy = awaitsApproval ? null : stored.ApprovedBy,
        };
        if (!await _schedules.ReplaceAsync(updated, stored.NextRunAt, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainConflictException(BroadcastErrors.AlreadyStarted, $"Broadcast {broadcastId} ('{stored.Title}') started or ended while it was being edited.");
        }

        await _audit.AppendAsync(
            NewAuditEntry.By(caller, AuditActions.ScheduleUpdated) with
            {
                TargetKind = "broadcast",
                TargetId = stored.Id,
                AreaId = stored.ScopeAreaId,
                DetailsJson = Details(updated, validated),
            },
            cancellationToken).ConfigureAwait(false);
        BroadcastView view = ToView(updated);
        SchedulesChanged?.Invoke(this, EventArgs.Empty);
        Changed?.Invoke(this, view);
        return view;
    }

    /// <summary>The command of a stored (scheduled, awaiting approval or ended) broadcast the caller may see, for editing it.</summary>
    public async Task<BroadcastCommand> GetStoredCommandAsync(User caller, string broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(broadcastId);
        ScheduledBroadcast stored = await GetVisibleStoredAsync(caller, broadcastId, cancellationToken).ConfigureAwait(false);
        return stored.Command;
    }

    private async Task<ScheduledBroadcast> GetVisibleStoredAsync(User caller, string broadcastId, CancellationToken cancellationToken)
    {
        Visibility visibility = await GetVisibilityAsync(caller, cancellationToken).ConfigureAwait(false);
        ScheduledBroadcast? stored = await _schedules.GetAsync(broadcastId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !visibility.CanSee(stored.ScopeAreaId, stored.ClusterIds))
        {
            throw IsLive(broadcastId)
                ? new DomainConflictException(BroadcastErrors.AlreadyStarted, $"Broadcast {broadcastId} is on air: it can only be cancelled.")
                : NotFound(broadcastId);
        }

        return stored;
    }
}
