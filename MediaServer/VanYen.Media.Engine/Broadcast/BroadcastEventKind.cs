namespace VanYen.Media.Engine.Broadcast;

/// <summary>What changed for a program (the audit log and the consoles follow these).</summary>
public enum BroadcastEventKind
{
    /// <summary>Accepted by the engine.</summary>
    Started,

    /// <summary>It became the program heard on <see cref="BroadcastEventArgs.ClusterIds"/> (first time there).</summary>
    OnAir,

    /// <summary>A higher-priority program (<see cref="BroadcastEventArgs.ByProgramId"/>) took <see cref="BroadcastEventArgs.ClusterIds"/> from it.</summary>
    Preempted,

    /// <summary>It got <see cref="BroadcastEventArgs.ClusterIds"/> back after a preemption.</summary>
    Resumed,

    /// <summary>It was cancelled on <see cref="BroadcastEventArgs.ClusterIds"/> but keeps playing elsewhere.</summary>
    ClustersCancelled,

    /// <summary>It ended; see <see cref="BroadcastEventArgs.EndReason"/>.</summary>
    Ended,
}
