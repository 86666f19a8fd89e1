using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// Names of the device protocol's authentication (kept apart from the people's cookie and bearer schemes): devices
/// present the opaque token of their HTTPS login as <c>Authorization: Bearer</c>, or, for the SignalR WebSocket,
/// as the <c>access_token</c> query parameter.
/// </summary>
public static class DeviceAuthentication
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = DeviceClaimTypes.Scheme;

    /// <summary>The authorization policy of endpoints only devices call.</summary>
    public const string Policy = "DeviceToken";

    /// <summary>How long a device token is accepted after login.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);
}
