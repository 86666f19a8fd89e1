namespace VanYen.Media.Server.Consultations;

/// <summary>A consultation just opened: where the doctor goes and the link to send the patient.</summary>
/// <param name="Id">The consultation's unguessable id.</param>
/// <param name="DoctorLink">The doctor's page (needs the doctor's sign-in), relative to the server.</param>
/// <param name="PatientLink">The patient's page with the link's token, relative to the server.</param>
/// <param name="PatientParticipantId">The patient's participant id (for admit).</param>
/// <param name="ExpiresAt">When the consultation ends at the latest.</param>
public sealed record ConsultationCreated(string Id, string DoctorLink, string PatientLink, string PatientParticipantId, DateTimeOffset ExpiresAt);
