namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>The caller is in the consultation, waiting or admitted.</summary>
/// <param name="ConsultationId">The consultation.</param>
/// <param name="ParticipantId">The caller's participant id (the same when the same token rejoins).</param>
/// <param name="Role">One of <see cref="ConsultRoles"/>.</param>
/// <param name="DisplayName">The caller's name as others see it.</param>
/// <param name="State">One of <see cref="ConsultParticipantStates"/>: "waiting" or "admitted".</param>
/// <param name="DoctorName">The doctor's name, for the waiting screen.</param>
/// <param name="ExpiresAt">When the consultation ends at the latest.</param>
public sealed record ConsultJoinResponse(string ConsultationId, string ParticipantId, string Role, string DisplayName, string State, string DoctorName, DateTimeOffset ExpiresAt);
