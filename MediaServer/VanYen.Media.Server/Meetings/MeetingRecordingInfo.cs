namespace VanYen.Media.Server.Meetings;

/// <summary>
/// What the recordings folder of a meeting remembers about it (<c>meeting.json</c>): enough for its chair to find and
/// download the recordings after the meeting ended or the server restarted (meetings themselves live in memory).
/// </summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Title">Its title.</param>
/// <param name="ChairUserId">The chair, the only one who may list and download.</param>
/// <param name="ChairName">The chair's display name.</param>
/// <param name="Created">When the meeting was created.</param>
public sealed record MeetingRecordingInfo(string MeetingId, string Title, long ChairUserId, string ChairName, DateTimeOffset Created);
