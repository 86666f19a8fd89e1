namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=extmap line (RFC 8285 §8): RTP header extension id ↔ URI.</summary>
/// <param name="Id">The local identifier (1-14 one-byte, up to 255 two-byte).</param>
/// <param name="Direction">The optional direction after '/', or null.</param>
/// <param name="Uri">The extension URI.</param>
/// <param name="ExtensionAttributes">Anything after the URI, or null.</param>
public sealed record SdpExtmap(int Id, SdpDirection? Direction, string Uri, string? ExtensionAttributes = null);
