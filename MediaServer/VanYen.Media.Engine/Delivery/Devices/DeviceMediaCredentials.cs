using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>
/// What a logged-in IP speaker needs to receive its cluster: SRTP keys for both directions and the key of its UDP
/// keepalive. The server hands these out over HTTPS only (the device protocol's login), fresh at every login.
/// </summary>
/// <param name="DeviceId">The device's id as it writes it in the keepalive's STUN USERNAME.</param>
/// <param name="ClusterId">The cluster whose program it receives.</param>
/// <param name="Profile">The SRTP protection profile of both directions.</param>
/// <param name="ServerMasterKeyAndSalt">Master key followed by master salt (RFC 3711 §8.2) the server protects the program with.</param>
/// <param name="DeviceMasterKeyAndSalt">Master key + salt the device protects its RTCP receiver reports with.</param>
/// <param name="KeepaliveKey">Short-term credential key (RFC 8489 §9.1.1) for the keepalive's MESSAGE-INTEGRITY.</param>
/// <param name="Ssrc">The cluster stream's SSRC.</param>
public sealed record DeviceMediaCredentials(
    string DeviceId,
    long ClusterId,
    SrtpProtectionProfile Profile,
    byte[] ServerMasterKeyAndSalt,
    byte[] DeviceMasterKeyAndSalt,
    byte[] KeepaliveKey,
    uint Ssrc);
