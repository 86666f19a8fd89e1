namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>Where and how a device receives its cluster's program (part of <see cref="DeviceLoginResponse"/>).</summary>
/// <param name="Host">Host of the server's plain-RTP UDP port (the host the device logged in at).</param>
/// <param name="Port">The UDP port: keepalives go there, the program comes from there.</param>
/// <param name="Ssrc">SSRC of the cluster's RTP stream.</param>
/// <param name="PayloadType">RTP payload type of Opus (111).</param>
/// <param name="SrtpProfile">SRTP profile of both directions: <c>AeadAes128Gcm</c> or <c>AesCm128HmacSha1_80</c>.</param>
/// <param name="ServerKey">Base64 master key followed by master salt (RFC 3711 §8.2) protecting the program (server → device).</param>
/// <param name="DeviceKey">Base64 master key + salt the device protects its SRTCP receiver reports with (device → server).</param>
/// <param name="KeepaliveKey">Base64 key of the keepalive's STUN MESSAGE-INTEGRITY (RFC 8489 §14.5, HMAC-SHA1).</param>
/// <param name="KeepaliveIntervalSeconds">How often to send a keepalive.</param>
public sealed record DeviceMediaParameters(
    string Host,
    int Port,
    uint Ssrc,
    int PayloadType,
    string SrtpProfile,
    string ServerKey,
    string DeviceKey,
    string KeepaliveKey,
    int KeepaliveIntervalSeconds);
