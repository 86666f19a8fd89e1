namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>The claims and scheme of an authenticated device (set by the host's device authentication handler).</summary>
public static class DeviceClaimTypes
{
    /// <summary>The authentication scheme of device bearer tokens.</summary>
    public const string Scheme = "Device";

    /// <summary>The receiver id (decimal).</summary>
    public const string ReceiverId = "vanyen:receiver-id";

    /// <summary>The cluster id (decimal).</summary>
    public const string ClusterId = "vanyen:cluster-id";
}
