namespace VanYen.Media.Signaling.Contracts.Meetings;

/// <summary>The answer to <c>JoinLobby</c>.</summary>
/// <param name="ParticipantId">The participant's id in the meeting (keep it to rejoin).</param>
/// <param name="RejoinKey">The secret that proves a rejoin is the same participant.</param>
/// <param name="Role"><c>chair</c> or <c>participant</c>.</param>
/// <param name="State"><c>lobby</c> (wait for <c>Admitted</c>) or <c>admitted</c> (call <c>StartMedia</c>).</param>
/// <param name="Meeting">The meeting as the participant sees it now.</param>
public sealed record JoinMeetingResponse(string ParticipantId, string RejoinKey, string Role, string State, MeetingStateMessage Meeting);
