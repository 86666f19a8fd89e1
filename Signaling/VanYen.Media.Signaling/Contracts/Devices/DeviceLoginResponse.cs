namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>Answer to a successful device login.</summary>
/// <param name="Token">Opaque bearer token for the control hub and the device endpoints, valid 24 hours.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
/// <param name="ClusterId">The cluster the device plays.</param>
/// <param name="Media">The SRTP stream's address and keys (fresh at every login).</param>
/// <param name="ServerTime">The server's clock when it answered (prepared programs start in server time).</param>
/// <param name="ControlHubUrl">Absolute URL of the SignalR control hub.</param>
/// <param name="Volume">The cluster's default volume, 0–100.</param>
/// <param name="OnAirHours">The cluster's on-air hours, or null for any time.</param>
public sealed record DeviceLoginResponse(
    string Token,
    DateTimeOffset ExpiresAt,
    long ClusterId,
    DeviceMediaParameters Media,
    DateTimeOffset ServerTime,
    string ControlHubUrl,
    int Volume,
    DeviceOnAirHours? OnAirHours);
