namespace VanYen.Media.Server.Domain;

/// <summary>A cluster to add.</summary>
/// <param name="AreaId">A village or a commune (a commune-centre cluster).</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Where it is, in words; optional.</param>
/// <param name="DefaultVolume">Volume, 0–100.</param>
/// <param name="OnAirHours">Hours it may sound; <see langword="null"/> means any time.</param>
public sealed record NewCluster(long AreaId, string Name, string? Location = null, int DefaultVolume = 80, OnAirHours? OnAirHours = null);
