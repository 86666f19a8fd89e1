namespace VanYen.Media.Server.Domain;

/// <summary>A receiver to register.</summary>
/// <param name="ClusterId">The cluster it plays for.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">IP speaker, browser or HTTP stream.</param>
/// <param name="SecretHash">Hash of its device secret (<c>Security.DeviceSecret.Hash</c>).</param>
public sealed record NewReceiver(long ClusterId, string Name, ReceiverKind Kind, string SecretHash);
