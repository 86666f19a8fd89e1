namespace VanYen.Media.Server.Schedules;

/// <summary>Where schedules and bulletins awaiting approval are kept, so they survive a restart.</summary>
public interface IBroadcastScheduleStore
{
    /// <summary>Stores a new one.</summary>
    Task AddAsync(ScheduledBroadcast broadcast, CancellationToken cancellationToken = default);

    /// <summary>One by id, or null.</summary>
    Task<ScheduledBroadcast?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every one not ended, by next run (unplanned first).</summary>
    Task<IReadOnlyList<ScheduledBroadcast>> GetPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the new state, next run, approver and end time.</summary>
    /// <returns>False when there is no such id.</returns>
    Task<bool> UpdateAsync(ScheduledBroadcast broadcast, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an edited pending one (command, targets, next run, state, approver), only while its next run is still
    /// <paramref name="expectedNextRunAt"/> and it has not ended: the scheduler may have fired it meanwhile.
    /// </summary>
    /// <returns>False when there is no such pending id or its next run changed.</returns>
    Task<bool> ReplaceAsync(ScheduledBroadcast broadcast, DateTimeOffset? expectedNextRunAt, CancellationToken cancellationToken = default);

    /// <summary>Whether a pending one plays the library item (as its file or relay fallback).</summary>
    Task<bool> UsesLibraryItemAsync(long libraryItemId, CancellationToken cancellationToken = default);
}
