namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>One participant's link as the server measures it.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="RoundTripTimeMs">From their RTCP reports, null before one arrived.</param>
/// <param name="Upstream">What they send to the server.</param>
/// <param name="Downstream">What the server sends them.</param>
public sealed record ConsultQuality(string ParticipantId, string DisplayName, double? RoundTripTimeMs, ConsultLinkQuality Upstream, ConsultLinkQuality Downstream);
