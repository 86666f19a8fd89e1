using System.Net;

namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>One registered device's media health, as the server sees it.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="RemoteEndPoint">Where its keepalives come from (its NAT mapping), null before the first one.</param>
/// <param name="LastKeepalive">When the last authenticated keepalive arrived.</param>
/// <param name="PacketsSent">Program packets sent to it.</param>
/// <param name="FractionLost">Loss from its last RTCP receiver report (0–1), if any.</param>
/// <param name="JitterMilliseconds">Interarrival jitter from its last receiver report, if any.</param>
/// <param name="PlayingProgramId">The program its cluster is sending now, or null.</param>
/// <param name="KeepaliveExpired">
/// True when the device had an address but sent no authenticated keepalive for
/// <see cref="DeviceMediaEndpoint.KeepaliveTimeout"/>: it gets no media until its next keepalive.
/// </param>
public sealed record DeviceMediaStatus(
    string DeviceId,
    long ClusterId,
    IPEndPoint? RemoteEndPoint,
    DateTimeOffset? LastKeepalive,
    long PacketsSent,
    double? FractionLost,
    double? JitterMilliseconds,
    string? PlayingProgramId,
    bool KeepaliveExpired = false);
