namespace VanYen.Media.Server.Domain;

/// <summary>A loudspeaker cluster (cụm loa): one IP receiver point driving one or more horns.</summary>
/// <param name="Id">Database identity.</param>
/// <param name="AreaId">The village or commune it stands in.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Where it is, in words ("Nhà văn hoá thôn Làng Hốc"); optional.</param>
/// <param name="DefaultVolume">Volume, 0–100, used when a program does not set one.</param>
/// <param name="OnAirHours">Hours it may sound; <see langword="null"/> means any time.</param>
public sealed record Cluster(long Id, long AreaId, string Name, string? Location, int DefaultVolume, OnAirHours? OnAirHours);
