using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/clusters</c> and <c>PUT /api/clusters/{id}</c>.</summary>
/// <param name="AreaId">The village or commune it stands in.</param>
/// <param name="Name">Display name.</param>
/// <param name="Location">Where it is, in words.</param>
/// <param name="DefaultVolume">0–100.</param>
/// <param name="OnAirHours">Local hours it may sound (<c>{"from":"05:30:00","until":"21:30:00"}</c>); null = any time.</param>
public sealed record ClusterRequest(long AreaId, string Name, string? Location = null, int DefaultVolume = 80, OnAirHours? OnAirHours = null);
