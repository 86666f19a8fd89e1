namespace VanYen.Media.Engine.Broadcast;

/// <summary>One change of one program, raised by <see cref="IBroadcastEngine.Changed"/> off the media clock's thread.</summary>
public sealed class BroadcastEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public BroadcastEventArgs(BroadcastEventKind kind, BroadcastProgramStatus status, IReadOnlyList<long> clusterIds, string? byProgramId = null, ProgramEndReason? endReason = null, DateTimeOffset? at = null)
    {
        Kind = kind;
        Status = status;
        ClusterIds = clusterIds;
        ByProgramId = byProgramId;
        EndReason = endReason;
        At = at ?? status.StartedAt;
    }

    /// <summary>What happened.</summary>
    public BroadcastEventKind Kind { get; }

    /// <summary>The program after the change.</summary>
    public BroadcastProgramStatus Status { get; }

    /// <summary>The program's id.</summary>
    public string ProgramId => Status.Id;

    /// <summary>The clusters the change is about (empty for <see cref="BroadcastEventKind.Started"/>).</summary>
    public IReadOnlyList<long> ClusterIds { get; }

    /// <summary>For <see cref="BroadcastEventKind.Preempted"/>: the program that took over.</summary>
    public string? ByProgramId { get; }

    /// <summary>For <see cref="BroadcastEventKind.Ended"/>: why.</summary>
    public ProgramEndReason? EndReason { get; }

    /// <summary>When it happened (the engine's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset At { get; }
}
