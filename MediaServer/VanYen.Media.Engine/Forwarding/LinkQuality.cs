namespace VanYen.Media.Engine.Forwarding;

/// <summary>One direction of a link.</summary>
/// <param name="BitrateBitsPerSecond">Over the last few seconds, audio and video together.</param>
/// <param name="LossFraction">0 to 1.</param>
/// <param name="JitterMs">Interarrival jitter (RFC 3550 §6.4.1) in milliseconds.</param>
/// <param name="Packets">RTP packets in this direction so far.</param>
public sealed record LinkQuality(double BitrateBitsPerSecond, double LossFraction, double JitterMs, long Packets);
