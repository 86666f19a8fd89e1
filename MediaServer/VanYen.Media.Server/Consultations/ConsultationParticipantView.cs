namespace VanYen.Media.Server.Consultations;

/// <summary>One participant as the doctor sees them in <c>GET /api/consultations/{id}</c>.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Role">doctor, patient, family or interpreter.</param>
/// <param name="DisplayName">Their name (empty before a guest came).</param>
/// <param name="State">invited, waiting, admitted or left.</param>
/// <param name="Connected">Whether their page is connected.</param>
/// <param name="InMedia">Whether their audio and video are in the call.</param>
/// <param name="Link">A guest's link (null for the doctor).</param>
public sealed record ConsultationParticipantView(string ParticipantId, string Role, string DisplayName, string State, bool Connected, bool InMedia, string? Link);
