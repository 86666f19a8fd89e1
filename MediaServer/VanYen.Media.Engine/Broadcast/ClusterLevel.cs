namespace VanYen.Media.Engine.Broadcast;

/// <summary>A cluster's program level over a short window (a few ticks), as <see cref="ClusterLevelMeter.Take"/> reports it.</summary>
/// <param name="RmsDbfs">RMS level of the window in dBFS (<see cref="ClusterLevelMeter.SilenceDbfs"/> for digital silence or no frames).</param>
/// <param name="PeakDbfs">Highest sample magnitude of the window in dBFS.</param>
/// <param name="OnAir">Whether a program was on air during at least one tick of the window.</param>
/// <param name="Frames">Ticks measured in the window (idle ones included).</param>
public readonly record struct ClusterLevel(double RmsDbfs, double PeakDbfs, bool OnAir, int Frames);
