using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>What the service remembers of a program it put in the engine (who, where, from which scope).</summary>
internal sealed class LiveBroadcast
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required BroadcastSourceKind SourceKind { get; init; }

    public required ProgramPriority Priority { get; init; }

    public required IReadOnlyList<long> ClusterIds { get; init; }

    public required long CreatedByUserId { get; init; }

    public required string CreatedBy { get; init; }

    public required long ScopeAreaId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? Recurrence { get; init; }

    public string? ApprovedBy { get; init; }

    public BroadcastProgramStatus? Status { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public ProgramEndReason? EndReason { get; set; }

    public BroadcastView ToView(BroadcastProgramStatus? current)
    {
        BroadcastProgramStatus? status = current ?? Status;
        BroadcastState state = EndedAt is not null
            ? BroadcastState.Ended
            : status?.State switch
            {
                ProgramState.OnAir => BroadcastState.OnAir,
                ProgramState.Ended => BroadcastState.Ended,
                _ => BroadcastState.Waiting,
            };
        return new BroadcastView
        {
            Id = Id,
            Title = Title,
            SourceKind = SourceKind,
            Priority = Priority,
            State = state,
            ClusterIds = ClusterIds,
            ClustersOnAir = state == BroadcastState.Ended ? [] : status?.ClustersOnAir ?? [],
            CreatedByUserId = CreatedByUserId,
            CreatedBy = CreatedBy,
            ScopeAreaId = ScopeAreaId,
            CreatedAt = CreatedAt,
            Recurrence = Recurrence,
            EndReason = EndReason ?? status?.EndReason,
            ApprovedBy = ApprovedBy,
        };
    }
}
