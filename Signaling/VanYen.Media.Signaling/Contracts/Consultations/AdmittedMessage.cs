namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Pushed to a guest the doctor let in: the page may now call <c>StartMedia</c>.</summary>
/// <param name="ParticipantId">The guest.</param>
public sealed record AdmittedMessage(string ParticipantId);
