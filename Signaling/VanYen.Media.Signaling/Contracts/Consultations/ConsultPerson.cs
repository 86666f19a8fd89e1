namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>One participant as the doctor sees them.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="DisplayName">Their name (empty before they came).</param>
/// <param name="Role">One of <see cref="ConsultRoles"/>.</param>
/// <param name="State">One of <see cref="ConsultParticipantStates"/>.</param>
/// <param name="Connected">Whether their page is connected now.</param>
/// <param name="InMedia">Whether their audio and video are in the call.</param>
/// <param name="WaitingSince">When they entered the waiting room (null unless waiting).</param>
public sealed record ConsultPerson(string ParticipantId, string DisplayName, string Role, string State, bool Connected, bool InMedia, DateTimeOffset? WaitingSince);
