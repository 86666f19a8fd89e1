namespace VanYen.Media.Server.Devices;

/// <summary>What a device token stands for.</summary>
/// <param name="ReceiverId">The receiver that logged in.</param>
/// <param name="ClusterId">Its cluster at login.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
public sealed record DeviceSession(long ReceiverId, long ClusterId, DateTimeOffset ExpiresAt);
