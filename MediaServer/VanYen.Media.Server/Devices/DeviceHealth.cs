namespace VanYen.Media.Server.Devices;

/// <summary>One receiver's health as the device protocol sees it.</summary>
/// <param name="ReceiverId">The receiver.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="Online">A heartbeat arrived within the last <see cref="DeviceControl.OnlineWindow"/>.</param>
/// <param name="LastHeartbeat">When the last heartbeat arrived, if any since the server started.</param>
/// <param name="ControlConnected">Its control hub connection is open.</param>
/// <param name="PlayingProgramId">What its last heartbeat said it plays.</param>
/// <param name="Volume">Its output volume from the last heartbeat.</param>
/// <param name="Muted">Whether it is muted, from the last heartbeat.</param>
/// <param name="FractionLost">Loss from its last RTCP receiver report (0–1).</param>
/// <param name="JitterMilliseconds">Interarrival jitter from its last RTCP receiver report.</param>
/// <param name="PacketsSent">Program packets the server sent it.</param>
/// <param name="Address">Where its media keepalives come from ("ip:port"), null before the first.</param>
public sealed record DeviceHealth(
    long ReceiverId,
    long ClusterId,
    bool Online,
    DateTimeOffset? LastHeartbeat,
    bool ControlConnected,
    string? PlayingProgramId,
    int? Volume,
    bool? Muted,
    double? FractionLost,
    double? JitterMilliseconds,
    long PacketsSent,
    string? Address);
