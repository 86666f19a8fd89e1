namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>POST /api/broadcasts/live-rtp</c>: a hardware console's live voice, sent as plain RTP/Opus to the server's RTP port.
/// </summary>
/// <param name="Title">What the broadcast is called in lists and the audit log.</param>
/// <param name="ClusterIds">Target clusters (with or instead of <paramref name="AreaIds"/>).</param>
/// <param name="AreaIds">Target areas: every cluster under them.</param>
/// <param name="Ssrc">The SSRC the console sends with (RFC 3550 §5.1); one broadcast per SSRC at a time.</param>
/// <param name="SourceAddress">The console's IP address; packets from elsewhere are dropped. Null to accept any.</param>
public sealed record LiveRtpRequest(string? Title, IReadOnlyList<long>? ClusterIds, IReadOnlyList<long>? AreaIds, uint Ssrc, string? SourceAddress);
