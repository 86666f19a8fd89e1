namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=ssrc line (RFC 5576 §4.1): a source attribute such as "cname:abc" or "msid:s t".</summary>
/// <param name="Ssrc">The synchronization source.</param>
/// <param name="Attribute">The attribute name, e.g. "cname".</param>
/// <param name="Value">The value after ':', or null.</param>
public sealed record SdpSsrc(uint Ssrc, string Attribute, string? Value);
