namespace VanYen.Media.Server.Consultations;

/// <summary>A guest link.</summary>
/// <param name="ParticipantId">The seat the link opens.</param>
/// <param name="Role">patient, family or interpreter.</param>
/// <param name="Link">The page with the token, relative to the server (<c>/consult/{id}?t=…</c>).</param>
public sealed record ConsultationLinkView(string ParticipantId, string Role, string Link);
