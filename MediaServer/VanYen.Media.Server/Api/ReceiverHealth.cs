namespace VanYen.Media.Server.Api;

/// <summary>A receiver's media health, while its device is logged in (from the device protocol, else the device media registry).</summary>
/// <param name="Online">A keepalive arrived within the last <see cref="ReceiverView.OnlineWindow"/>.</param>
/// <param name="LastKeepalive">When the last authenticated keepalive arrived.</param>
/// <param name="RemoteAddress">Where its keepalives come from (its NAT mapping).</param>
/// <param name="PacketsSent">Program packets sent to it.</param>
/// <param name="FractionLost">Loss from its last RTCP receiver report, 0–1.</param>
/// <param name="JitterMilliseconds">Interarrival jitter from its last receiver report.</param>
/// <param name="PlayingProgramId">The program it plays (its last heartbeat), else the one its cluster is sending now.</param>
/// <param name="LastHeartbeat">When its last device-protocol heartbeat arrived (then <paramref name="Online"/> follows heartbeats).</param>
/// <param name="ControlConnected">Its control hub connection is open.</param>
/// <param name="Volume">Its output volume, from the last heartbeat.</param>
/// <param name="Muted">Whether it is muted, from the last heartbeat.</param>
public sealed record ReceiverHealth(
    bool Online,
    DateTimeOffset? LastKeepalive,
    string? RemoteAddress,
    long PacketsSent,
    double? FractionLost,
    double? JitterMilliseconds,
    string? PlayingProgramId,
    DateTimeOffset? LastHeartbeat = null,
    bool ControlConnected = false,
    int? Volume = null,
    bool? Muted = null);
