namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>A c= line (RFC 8866 §5.7).</summary>
/// <param name="NetworkType">"IN".</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">The connection address (for WebRTC usually 0.0.0.0 or the default candidate).</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address);
