namespace VanYen.Media.Server.Seeding;

/// <summary>A seeded receiver with the device secret generated for it.</summary>
public sealed record DemoDevice(long ReceiverId, string ClusterName, string Secret)
{
    /// <summary>The cluster the receiver plays.</summary>
    public long ClusterId { get; init; }
}
