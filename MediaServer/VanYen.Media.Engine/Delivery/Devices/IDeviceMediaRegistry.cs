namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>
/// The media side of the device protocol: IP speakers that logged in over HTTPS, keyed by device id. A registered
/// device gets its cluster's program over SRTP at the address its authenticated UDP keepalive came from.
/// </summary>
public interface IDeviceMediaRegistry
{
    /// <summary>
    /// Registers (or re-registers, after a reconnect) <paramref name="deviceId"/> on <paramref name="clusterId"/> with
    /// fresh keys; an earlier registration of the same device is replaced. Media flows once its first keepalive arrives.
    /// </summary>
    DeviceMediaCredentials Register(string deviceId, long clusterId);

    /// <summary>Stops sending to the device and forgets its keys. False if it was not registered.</summary>
    bool Unregister(string deviceId);

    /// <summary>A device's media health, if registered.</summary>
    bool TryGetStatus(string deviceId, out DeviceMediaStatus? status);

    /// <summary>All registered devices.</summary>
    IReadOnlyList<DeviceMediaStatus> GetStatuses();
}
