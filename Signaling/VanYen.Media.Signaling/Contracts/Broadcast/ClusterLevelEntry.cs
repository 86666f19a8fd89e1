namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>One cluster's program level in a <see cref="ClusterLevelMessage"/>.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="RmsDbfs">RMS level of what it played since the previous message, in dBFS (-96 for silence).</param>
/// <param name="PeakDbfs">Peak sample level of the same window, in dBFS.</param>
/// <param name="OnAir">Whether a program was on air on it during the window.</param>
public sealed record ClusterLevelEntry(long ClusterId, double RmsDbfs, double PeakDbfs, bool OnAir);
