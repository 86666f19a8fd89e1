namespace VanYen.Media.Server.Broadcasting;

/// <summary>Where a broadcast is, from the console's point of view.</summary>
public enum BroadcastState
{
    /// <summary>Created by an announcer in an area that requires approval; waits for an approver.</summary>
    AwaitingApproval,

    /// <summary>Starts later (one-off or recurring).</summary>
    Scheduled,

    /// <summary>Accepted but every target plays something more important.</summary>
    Waiting,

    /// <summary>Playing on at least one cluster.</summary>
    OnAir,

    /// <summary>Over (finished, cancelled, preempted, failed, or a schedule that was removed).</summary>
    Ended,
}
