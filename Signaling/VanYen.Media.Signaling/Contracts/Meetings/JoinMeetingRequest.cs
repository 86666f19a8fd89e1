namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>A browser joins a meeting (<c>JoinLobby</c>).</summary>
/// <param name="MeetingId">The meeting, from the link <c>/meet/{id}</c>.</param>
/// <param name="Token">The link's token (<c>?t=</c>): a join token or the chair's token; null for the signed-in chair.</param>
/// <param name="DisplayName">The name others see (1–60 characters).</param>
/// <param name="ParticipantId">On a rejoin after a drop: the participant id the first join answered.</param>
/// <param name="RejoinKey">On a rejoin: the secret the first join answered.</param>
public sealed record JoinMeetingRequest(string MeetingId, string? Token, string? DisplayName, string? ParticipantId = null, string? RejoinKey = null);
