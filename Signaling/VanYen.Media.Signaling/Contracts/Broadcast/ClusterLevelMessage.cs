namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>
/// Pushed on the broadcast hub (<see cref="Method"/>) a few times a second to each area group: the program level of
/// the clusters under that area that are on air, or went off air since the previous message (their last entry then
/// has <see cref="ClusterLevelEntry.OnAir"/> false and reads silence). Clusters not listed are silent.
/// </summary>
/// <param name="At">When the levels were taken.</param>
/// <param name="Clusters">One entry per cluster that is or just was on air.</param>
public sealed record ClusterLevelMessage(DateTimeOffset At, IReadOnlyList<ClusterLevelEntry> Clusters)
{
    /// <summary>The client method the server calls with this message.</summary>
    public const string Method = "ClusterLevels";
}
