namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>Pushed to the consoles (<c>BroadcastChanged</c>) whenever a broadcast they may see changes.</summary>
/// <param name="Id">The broadcast's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="SourceKind">"Live", "Tts", "File", "Relay"… (the server's source kind).</param>
/// <param name="Priority">"Emergency", "Live", "Priority", "Normal", "Relay", "Background".</param>
/// <param name="State">The server's broadcast state ("OnAir", "Waiting", "Ended", "Scheduled"…).</param>
/// <param name="ClusterIds">All its target clusters.</param>
/// <param name="ClustersOnAir">Where it is heard now.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="ScopeAreaId">The starter's scope area.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="NextRunAt">Next start, for a scheduled broadcast.</param>
/// <param name="EndReason">Why it ended ("Finished", "Cancelled", "Preempted", "SourceFailed"), once ended.</param>
public sealed record BroadcastChangedMessage(
    string Id,
    string Title,
    string SourceKind,
    string Priority,
    string State,
    IReadOnlyList<long> ClusterIds,
    IReadOnlyList<long> ClustersOnAir,
    string CreatedBy,
    long ScopeAreaId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextRunAt,
    string? EndReason);
