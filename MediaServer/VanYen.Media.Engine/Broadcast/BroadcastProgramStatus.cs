namespace VanYen.Media.Engine.Broadcast;

/// <summary>A snapshot of one program: what state it is in and where it plays.</summary>
/// <param name="Id">The program's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="State">Waiting, on air, or ended.</param>
/// <param name="ClustersOnAir">Clusters where it is the program heard right now.</param>
/// <param name="ClustersWaiting">Target clusters where a higher-priority program holds the air.</param>
/// <param name="Repetition">Which play is running (0-based).</param>
/// <param name="EndReason">Why it ended, once <see cref="ProgramState.Ended"/>.</param>
/// <param name="StartedAt">When it was accepted.</param>
public sealed record BroadcastProgramStatus(
    string Id,
    string Title,
    ProgramPriority Priority,
    ProgramState State,
    IReadOnlyList<long> ClustersOnAir,
    IReadOnlyList<long> ClustersWaiting,
    int Repetition,
    ProgramEndReason? EndReason,
    DateTimeOffset StartedAt);
