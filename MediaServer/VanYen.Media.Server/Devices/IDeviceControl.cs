using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Server.Devices;

/// <summary>What the rest of the server tells IP speakers over the device control channel, and what it learns from them.</summary>
public interface IDeviceControl
{
    /// <summary>Sets the volume (0–100) of every connected device of a cluster.</summary>
    Task SetClusterVolumeAsync(long clusterId, int volume, CancellationToken cancellationToken = default);

    /// <summary>Sets the volume (0–100) of one receiver.</summary>
    Task SetReceiverVolumeAsync(long receiverId, int volume, CancellationToken cancellationToken = default);

    /// <summary>Mutes or unmutes every device of a cluster.</summary>
    Task SetClusterMuteAsync(long clusterId, bool muted, CancellationToken cancellationToken = default);

    /// <summary>Mutes or unmutes one receiver.</summary>
    Task SetReceiverMuteAsync(long receiverId, bool muted, CancellationToken cancellationToken = default);

    /// <summary>Sends a cluster's on-air hours (null: any time).</summary>
    Task SetOnAirHoursAsync(long clusterId, OnAirHours? hours, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers <paramref name="oggOpusPath"/> as prepared program <paramref name="programId"/> of
    /// <paramref name="clusterIds"/> and pushes it to their devices (and to any that connects before it ends), who
    /// download it from <c>/api/devices/prepared/{programId}</c> and play it at <paramref name="startAt"/>.
    /// </summary>
    /// <returns>The message the devices got (with the file's SHA-256 and duration).</returns>
    Task<PreparedProgram> PushPreparedProgramAsync(
        IReadOnlyCollection<long> clusterIds,
        string programId,
        string title,
        string oggOpusPath,
        DateTimeOffset startAt,
        CancellationToken cancellationToken = default);

    /// <summary>Withdraws a prepared program from every device that has it. False if it was not prepared.</summary>
    Task<bool> CancelPreparedAsync(string programId, CancellationToken cancellationToken = default);

    /// <summary>Tells a cluster's devices which live program its SRTP stream carries now (null: idle), so they can confirm it.</summary>
    Task NotifyNowPlayingAsync(long clusterId, string? programId, CancellationToken cancellationToken = default);

    /// <summary>The prepared program's file, if <paramref name="clusterId"/> is one of its clusters.</summary>
    bool TryGetPreparedFile(string programId, long clusterId, out string? path);

    /// <summary>Every receiver that logged in since the server started (devices and speaker pages).</summary>
    IReadOnlyList<DeviceHealth> GetHealth();

    /// <summary>
    /// A speaker page of Browser receiver <paramref name="receiverId"/> connected: the connection counts as its
    /// control connection (and as a first heartbeat) until <see cref="OnSpeakerDisconnected"/>.
    /// </summary>
    void OnSpeakerConnected(long receiverId, long clusterId, string connectionId, Action abort);

    /// <summary>A speaker page's connection closed; the receiver stays connected while another page of it is.</summary>
    void OnSpeakerDisconnected(long receiverId, string connectionId);

    /// <summary>
    /// A speaker page's heartbeat (validated by the caller): what it plays, and its loss over the interval since this
    /// connection's previous report, go into the same health a device heartbeat fills.
    /// </summary>
    Task OnSpeakerHeartbeatAsync(long receiverId, string connectionId, SpeakerHeartbeat report, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends every session of a receiver at once: its device token is refused, the server stops sending it media, its
    /// control and speaker-page connections close and its HTTP streams end. Called when a receiver is deleted (its
    /// health is forgotten too) or its secret replaced (it logs in again with the new one, or not at all).
    /// </summary>
    /// <returns>How many hub connections were closed.</returns>
    int EndSessions(long receiverId, bool forgetHealth);

    /// <summary>Cancelled when <see cref="EndSessions"/> runs for <paramref name="receiverId"/> (an HTTP stream links it to its request).</summary>
    CancellationToken GetSessionsEnded(long receiverId);
}
