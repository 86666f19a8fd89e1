namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>One receiver's health in a <see cref="ReceiverStatusMessage"/>.</summary>
/// <param name="ReceiverId">The receiver.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="Online">A heartbeat arrived recently (the server's online window) and its control connection (device hub or speaker page) is open.</param>
/// <param name="LastHeartbeat">When its last heartbeat arrived, if any since the server started.</param>
/// <param name="PlayingProgramId">What its last heartbeat said it plays; null when idle.</param>
/// <param name="FractionLost">Loss from its last RTCP receiver report (0–1).</param>
/// <param name="JitterMilliseconds">Interarrival jitter from its last RTCP receiver report.</param>
/// <param name="Volume">Its output volume, from the last heartbeat.</param>
/// <param name="Muted">Whether it is muted, from the last heartbeat.</param>
public sealed record ReceiverStatusEntry(
    long ReceiverId,
    long ClusterId,
    bool Online,
    DateTimeOffset? LastHeartbeat,
    string? PlayingProgramId,
    double? FractionLost,
    double? JitterMilliseconds,
    int? Volume,
    bool? Muted);
