namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>
/// What the device hub reports to the server (implemented by the host): connections, heartbeats and playback
/// confirmations of authenticated devices.
/// </summary>
public interface IDeviceSessionObserver
{
    /// <summary>A device's control connection opened.</summary>
    /// <param name="receiverId">The receiver the connection's token belongs to.</param>
    /// <param name="clusterId">The receiver's cluster at login.</param>
    /// <param name="connectionId">The hub connection.</param>
    /// <param name="abort">Closes the connection: the server ends a receiver's sessions when it is deleted or its secret replaced.</param>
    Task OnConnectedAsync(long receiverId, long clusterId, string connectionId, Action abort);

    /// <summary>A device's control connection closed.</summary>
    Task OnDisconnectedAsync(long receiverId, string connectionId);

    /// <summary>A heartbeat arrived.</summary>
    Task OnHeartbeatAsync(long receiverId, DeviceHeartbeat heartbeat);

    /// <summary>A playback confirmation arrived.</summary>
    Task OnPlaybackAsync(long receiverId, long clusterId, PlaybackConfirmation confirmation);
}
