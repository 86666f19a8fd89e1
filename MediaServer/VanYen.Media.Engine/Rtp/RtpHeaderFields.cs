namespace VanYen.Media.Engine.Rtp;

/// <summary>The fixed-header fields of an RTP packet to write (RFC 3550 §5.1).</summary>
/// <param name="PayloadType">7-bit payload type.</param>
/// <param name="Marker">The M bit.</param>
/// <param name="SequenceNumber">16-bit sequence number.</param>
/// <param name="Timestamp">RTP timestamp in the payload's clock rate.</param>
/// <param name="Ssrc">Synchronization source.</param>
public readonly record struct RtpHeaderFields(byte PayloadType, bool Marker, ushort SequenceNumber, uint Timestamp, uint Ssrc);
