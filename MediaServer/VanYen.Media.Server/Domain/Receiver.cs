namespace VanYen.Media.Server.Domain;

/// <summary>A device that plays a cluster's program.</summary>
/// <param name="Id">Database identity.</param>
/// <param name="ClusterId">The cluster it plays for.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">IP speaker, browser or HTTP stream.</param>
/// <param name="SecretHash">The device secret's hash (<c>Security.DeviceSecret</c>); the secret itself is never stored.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="LastSeen">When it last connected (UTC), if ever.</param>
public sealed record Receiver(long Id, long ClusterId, string Name, ReceiverKind Kind, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? LastSeen)
{
    /// <summary>Leaves the secret hash out, so a logged receiver never shows it.</summary>
    public override string ToString() => $"Receiver {{ Id = {Id}, ClusterId = {ClusterId}, Name = {Name}, Kind = {Kind} }}";
}
