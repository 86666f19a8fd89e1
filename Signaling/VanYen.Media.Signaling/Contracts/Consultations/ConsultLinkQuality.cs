namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>One direction of a participant's link.</summary>
/// <param name="BitrateKbps">Audio and video together, over the last few seconds.</param>
/// <param name="LossPercent">0 to 100.</param>
/// <param name="JitterMs">Interarrival jitter (RFC 3550 §6.4.1).</param>
/// <param name="Packets">RTP packets so far.</param>
public sealed record ConsultLinkQuality(double BitrateKbps, double LossPercent, double JitterMs, long Packets);
