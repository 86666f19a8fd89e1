using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>A broadcast as the API and the consoles show it.</summary>
public sealed record BroadcastView
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required BroadcastSourceKind SourceKind { get; init; }

    public required ProgramPriority Priority { get; init; }

    public required BroadcastState State { get; init; }

    /// <summary>All target clusters (areas resolved).</summary>
    public required IReadOnlyList<long> ClusterIds { get; init; }

    /// <summary>Clusters where it is heard now.</summary>
    public IReadOnlyList<long> ClustersOnAir { get; init; } = [];

    public required long CreatedByUserId { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>The creator's scope area: who may cancel or preempt it is decided from this.</summary>
    public required long ScopeAreaId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Next start, for scheduled broadcasts.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    public string? Recurrence { get; init; }

    public ProgramEndReason? EndReason { get; init; }

    /// <summary>The approver, once approved.</summary>
    public string? ApprovedBy { get; init; }
}
