namespace VanYen.Media.Engine.Forwarding;

/// <summary>One participant's link, both directions, from RTP counts and RTCP reports (RFC 3550 §6.4).</summary>
/// <param name="Upstream">What the participant sends to the server.</param>
/// <param name="Downstream">What the server sends to the participant (loss and jitter as its receiver reports say).</param>
/// <param name="RoundTripTimeMs">From the participant's report blocks (LSR/DLSR, RFC 3550 §6.4.1), or null before one arrived.</param>
public sealed record CallQuality(LinkQuality Upstream, LinkQuality Downstream, double? RoundTripTimeMs);
