namespace VanYen.Media.Server.Consultations;

/// <summary>A consultation as its doctor sees it.</summary>
/// <param name="Id">The consultation.</param>
/// <param name="DoctorName">The doctor's display name.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="ExpiresAt">When it ends at the latest.</param>
/// <param name="Participants">The doctor first, then every guest link.</param>
/// <param name="Media">The SFU's totals, or null before anyone started media.</param>
public sealed record ConsultationView(string Id, string DoctorName, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, IReadOnlyList<ConsultationParticipantView> Participants, ConsultationMediaCounters? Media);
