using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Schedules;

/// <summary>A broadcast kept in the database until it airs: a one-off or recurring schedule, or a bulletin awaiting approval.</summary>
/// <param name="Id">The broadcast id ("b-…").</param>
/// <param name="Command">The command as accepted (validated when it was created).</param>
/// <param name="ClusterIds">The target clusters, resolved from the command's clusters and areas when it was created.</param>
/// <param name="CreatedByUserId">The creator: each run starts as this user, re-checked at run time.</param>
/// <param name="CreatedBy">The creator's username.</param>
/// <param name="ScopeAreaId">The creator's scope area when it was created.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="NextRunAt">The next planned start; null for a bulletin that starts as soon as it is approved.</param>
/// <param name="State">Awaiting approval, scheduled, or ended.</param>
/// <param name="ApprovedBy">The approver's username, once approved.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record ScheduledBroadcast(
    string Id,
    BroadcastCommand Command,
    IReadOnlyList<long> ClusterIds,
    long CreatedByUserId,
    string CreatedBy,
    long ScopeAreaId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextRunAt,
    ScheduledBroadcastState State,
    string? ApprovedBy = null,
    DateTimeOffset? EndedAt = null)
{
    /// <summary>The title.</summary>
    public string Title => Command.Title;

    /// <summary>The cron recurrence, or null for a one-off.</summary>
    public string? Recurrence => Command.Recurrence;

    /// <summary>Not ended yet.</summary>
    public bool IsPending => State != ScheduledBroadcastState.Ended;
}
