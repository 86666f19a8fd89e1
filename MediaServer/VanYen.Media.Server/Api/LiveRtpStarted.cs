using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Api;

/// <summary>The answer to <c>POST /api/broadcasts/live-rtp</c>: the broadcast, and the UDP port to send RTP to.</summary>
public sealed record LiveRtpStarted(BroadcastView Broadcast, int RtpPort);
