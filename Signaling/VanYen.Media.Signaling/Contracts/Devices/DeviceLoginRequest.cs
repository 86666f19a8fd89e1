namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>Body of <c>POST /api/devices/login</c> (HTTPS only).</summary>
/// <param name="DeviceId">The receiver's id, as a decimal string.</param>
/// <param name="Secret">The device secret handed out when the receiver was registered.</param>
public sealed record DeviceLoginRequest(string? DeviceId, string? Secret);
