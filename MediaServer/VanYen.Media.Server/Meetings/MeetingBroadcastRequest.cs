namespace VanYen.Media.Server.Meetings;

/// <summary>Body of <c>POST /api/meetings/{id}/broadcast</c>: the meeting's mix goes live to these clusters.</summary>
/// <param name="ClusterIds">Target clusters.</param>
/// <param name="AreaIds">Target areas (every cluster inside).</param>
/// <param name="Title">The program's title; the meeting's title when empty.</param>
public sealed record MeetingBroadcastRequest(IReadOnlyList<long>? ClusterIds, IReadOnlyList<long>? AreaIds, string? Title = null);
