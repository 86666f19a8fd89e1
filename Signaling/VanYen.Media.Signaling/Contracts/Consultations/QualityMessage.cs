namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Pushed to the doctor every few seconds: each participant's link in both directions.</summary>
/// <param name="Participants">Participants whose media is in the call (the doctor included).</param>
public sealed record QualityMessage(IReadOnlyList<ConsultQuality> Participants);
