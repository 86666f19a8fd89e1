namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// The broadcast side of the media path: programs compete for loudspeaker clusters by priority; each cluster plays
/// its highest-priority program; each program is encoded once per 20 ms frame and fanned out through every
/// cluster's <see cref="ClusterChannel"/> where it is on air.
/// </summary>
/// <remarks>
/// Arbitration per cluster: the highest <see cref="ProgramPriority"/> wins; between equal priorities the program
/// that holds the cluster keeps it (first come, first served). A program plays while it is on air on at least one
/// cluster; when it is on air nowhere, a <see cref="PreemptedProgramPolicy.Resume"/> program pauses (its source is
/// not read) and a <see cref="PreemptedProgramPolicy.End"/> program ends. Start and cancel take effect at the next
/// 20 ms tick. Scope rules (who may cancel or preempt whom) belong to the caller: the engine only ranks priorities.
/// </remarks>
public interface IBroadcastEngine
{
    /// <summary>Program changes, raised in order, never on the media clock's thread.</summary>
    event EventHandler<BroadcastEventArgs>? Changed;

    /// <summary>Accepts a program. Throws <see cref="ArgumentException"/> for a duplicate id, no clusters, or gain out of range.</summary>
    BroadcastProgramStatus Start(BroadcastProgramRequest request);

    /// <summary>
    /// Stops <paramref name="programId"/> on <paramref name="clusterIds"/> (all its clusters when null); the clusters
    /// fall silent (or go to the next program) at the next tick. False when the program is unknown or already ended.
    /// </summary>
    bool Cancel(string programId, IReadOnlyCollection<long>? clusterIds = null);

    /// <summary>Programs not yet ended.</summary>
    IReadOnlyList<BroadcastProgramStatus> GetPrograms();

    /// <summary>A program, including one that ended recently (kept for a minute).</summary>
    bool TryGetProgram(string programId, out BroadcastProgramStatus? status);

    /// <summary>The program heard on a cluster right now, or null.</summary>
    string? GetOnAirProgramId(long clusterId);

    /// <summary>The cluster's output channel, created on first use: attach receivers here.</summary>
    ClusterChannel GetChannel(long clusterId);
}
