namespace VanYen.Media.Server.Schedules;

/// <summary>Where a stored broadcast is.</summary>
public enum ScheduledBroadcastState
{
    /// <summary>Waits for an approver; does not fire.</summary>
    AwaitingApproval,

    /// <summary>Fires at <see cref="ScheduledBroadcast.NextRunAt"/> (or, with no time, was approved and started).</summary>
    Scheduled,

    /// <summary>Ran (one-off), was cancelled, or has no next run.</summary>
    Ended,
}
