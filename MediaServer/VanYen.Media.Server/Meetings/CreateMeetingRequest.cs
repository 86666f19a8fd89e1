namespace VanYen.Media.Server.Meetings;

/// <summary>Body of <c>POST /api/meetings</c>.</summary>
/// <param name="Title">The meeting's title (1–120 characters).</param>
public sealed record CreateMeetingRequest(string? Title);
