namespace VanYen.Media.Server.Audit;

/// <summary>The action names the server writes; the API layer adds its own in the same dotted style.</summary>
public static class AuditActions
{
    /// <summary>The demo district, its clusters, receivers and users were created at first start.</summary>
    public const string DemoDistrictSeeded = "seed.demo-district";

    /// <summary>A broadcast was accepted by the engine (who, what, where, level).</summary>
    public const string BroadcastStarted = "broadcast.started";

    /// <summary>A broadcast became audible on some clusters.</summary>
    public const string BroadcastOnAir = "broadcast.on-air";

    /// <summary>A higher-priority broadcast took some clusters (details name it and its creator).</summary>
    public const string BroadcastPreempted = "broadcast.preempted";

    /// <summary>A preempted broadcast got clusters back.</summary>
    public const string BroadcastResumed = "broadcast.resumed";

    /// <summary>Someone cancelled a broadcast on some or all of its clusters.</summary>
    public const string BroadcastCancelled = "broadcast.cancelled";

    /// <summary>A broadcast ended (details give the reason).</summary>
    public const string BroadcastEnded = "broadcast.ended";

    /// <summary>A bulletin was parked until an approver lets it air.</summary>
    public const string BroadcastAwaitingApproval = "broadcast.awaiting-approval";

    /// <summary>An approver let a bulletin air.</summary>
    public const string BroadcastApproved = "broadcast.approved";

    /// <summary>A broadcast was scheduled (one-off or recurring).</summary>
    public const string ScheduleCreated = "schedule.created";

    /// <summary>A schedule or a bulletin awaiting approval was edited (time, recurrence, source or targets).</summary>
    public const string ScheduleUpdated = "schedule.updated";

    /// <summary>A schedule or a bulletin awaiting approval was removed.</summary>
    public const string ScheduleCancelled = "schedule.cancelled";

    /// <summary>A schedule's run started.</summary>
    public const string ScheduleFired = "schedule.fired";

    /// <summary>A run's time passed while the server was down: not played late.</summary>
    public const string ScheduleMissed = "schedule.missed";

    /// <summary>A run did not start: its creator is gone, lost the scope, or it would preempt a higher scope.</summary>
    public const string ScheduleSkipped = "schedule.skipped";

    /// <summary>A run did not start because the bulletin was still awaiting approval.</summary>
    public const string ScheduleSkippedUnapproved = "schedule.skipped-unapproved";

    /// <summary>An audio file was added to the library.</summary>
    public const string LibraryImported = "library.imported";

    /// <summary>A library item was renamed.</summary>
    public const string LibraryRenamed = "library.renamed";

    /// <summary>A library item was deleted.</summary>
    public const string LibraryDeleted = "library.deleted";

    /// <summary>A relay's stream failed, stalled or went silent (details: url without query, kind, reason); it is retried.</summary>
    public const string RelayFailed = "relay.failed";

    /// <summary>Every relay URL was spent; the configured fallback file plays instead.</summary>
    public const string RelayFellBack = "relay.fell-back";

    /// <summary>The relay ended without its stream (every URL and the fallback spent): the alert.</summary>
    public const string RelayGaveUp = "relay.gave-up";
}
